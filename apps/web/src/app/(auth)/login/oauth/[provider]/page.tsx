import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { OAuthCallback } from './OAuthCallback';

export const metadata = { title: 'Signing in' };

/** Where Google or Microsoft send the browser back with `code` and `state` (product.md #8, #9). */
export default async function OAuthCallbackPage({ params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (provider !== 'google' && provider !== 'microsoft') notFound();
  return (
    <Suspense>
      <OAuthCallback provider={provider} />
    </Suspense>
  );
}
