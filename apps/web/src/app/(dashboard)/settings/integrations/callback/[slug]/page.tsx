import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { ConnectCallback } from './ConnectCallback';

export const metadata = { title: 'Connecting an integration' };

/** Where Slack, Google or Microsoft send an admin back after authorizing an integration. */
export default async function ConnectCallbackPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!['slack', 'google-drive', 'teams'].includes(slug)) notFound();
  return (
    <Suspense>
      <ConnectCallback slug={slug} />
    </Suspense>
  );
}
