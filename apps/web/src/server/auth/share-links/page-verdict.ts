import type { NextRequest } from 'next/server';
import { createLogger } from '@patentrack/shared';
import { appDb } from '../../connections';
import { shareCodeSchema } from './schemas';
import { peekShareLink, type ShareLinkVerdict } from './viewer';

/** Request header from the proxy to the share layout; like every `x-share-*` header, a client's copy is dropped. */
export const SHARE_VERDICT_HEADER = 'x-share-link-verdict';

const SHARE_PAGE = /^\/shared\/([^/]+)(?:\/|$)/;
const logger = createLogger('web');

/**
 * The verdict on the share link of a share viewer page load, so that its document answers 404/410 (B6). Only
 * full page loads are checked: the viewer's own navigations (RSC requests) already hold a live share cookie,
 * and its API calls report a link that died since. Null when the page is not a share page or the link is usable.
 */
export async function sharePageVerdict(request: NextRequest): Promise<ShareLinkVerdict | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (request.headers.has('rsc')) return null;
  const code = SHARE_PAGE.exec(request.nextUrl.pathname)?.[1];
  if (code === undefined) return null;
  // BR-044: a malformed code is unknown without a query.
  if (!shareCodeSchema.safeParse(code).success) return { reason: 'not_found' };
  try {
    return await peekShareLink(appDb(), code);
  } catch (error) {
    // The page still renders; the viewer's entry call then reports the failure with a retry.
    logger.warn({ err: (error as Error).message }, 'share link verdict failed');
    return null;
  }
}

export function readShareVerdict(headers: Headers): ShareLinkVerdict | null {
  const value = headers.get(SHARE_VERDICT_HEADER);
  return value ? (JSON.parse(value) as ShareLinkVerdict) : null;
}
