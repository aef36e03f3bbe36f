import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/lib/providers';
import { THEME_COOKIE, themeFromCookie } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PatenTrack3', template: '%s · PatenTrack3' },
  description: 'Patent ownership intelligence: chains of title, encumbrances and ownership diagrams.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Every page renders per request (the CSP nonce is per request); the theme cookie sets `data-theme` on the
 * server, so a dark-mode user never sees a light first paint (BR-064).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme} suppressHydrationWarning>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
