import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ShareFrame } from './ShareFrame';

/**
 * Link previews must not spend a use of the link, so the Open Graph tags name the product rather than the
 * organization (which only the counted entry call reveals).
 */
export const metadata: Metadata = {
  title: 'Shared patent ownership',
  robots: { index: false, follow: false },
  openGraph: {
    title: 'Patent ownership — shared with you',
    description: 'Ownership diagrams of shared patents.',
    type: 'website',
  },
};

export default async function SharedLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ code: string }>;
}) {
  const { code } = await params;
  return <ShareFrame code={code}>{children}</ShareFrame>;
}
