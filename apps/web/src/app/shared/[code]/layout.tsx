import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { readShareVerdict } from '@/server/auth/share-links/page-verdict';
import { ShareChrome, ShareFrame, ShareLinkVerdictPage } from './ShareFrame';

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
  // The proxy looked the link up for this page load and already set the 410 of a dead one.
  const verdict = readShareVerdict(await headers());
  if (verdict?.reason === 'not_found') notFound();
  if (verdict)
    return (
      <ShareChrome>
        <ShareLinkVerdictPage verdict={verdict} />
      </ShareChrome>
    );
  return <ShareFrame code={code}>{children}</ShareFrame>;
}
