import { z } from 'zod';
import { linkExpiry, linkSignature, verifyLinkSignature } from '../auth/signed-links';

/** Lifetime of a signed document link (product.md #25: 15 min). */
export const DOCUMENT_LINK_TTL_SECONDS = 15 * 60;

/**
 * Where recorded assignment documents are published, as a URL template with `{reel}` and `{frame}` (zero
 * padded to 6 and 4 digits as the office names its files). Unset = document delivery is not configured.
 */
const documentConfig = z.object({
  ASSIGNMENT_DOCUMENT_URL_TEMPLATE: z
    .url()
    .refine(
      (value) => value.includes('{reel}') && value.includes('{frame}'),
      'Must contain {reel} and {frame}',
    )
    .optional(),
});

export function documentUrlTemplate(): string | null {
  return documentConfig.parse(process.env).ASSIGNMENT_DOCUMENT_URL_TEMPLATE ?? null;
}

export function publisherUrl(template: string, reelNo: number, frameNo: number): string {
  return template
    .replace('{reel}', String(reelNo).padStart(6, '0'))
    .replace('{frame}', String(frameNo).padStart(4, '0'));
}

/** The signature binds transaction, org and expiry: a link works for its org only, and only until it expires. */
const DOCUMENT_LINK = 'document-link';

export function signDocumentPath(secret: string, orgId: string, rfId: string, nowMs = Date.now()) {
  const expires = linkExpiry(nowMs, DOCUMENT_LINK_TTL_SECONDS);
  const query = new URLSearchParams({
    expires: String(expires),
    signature: linkSignature(secret, { purpose: DOCUMENT_LINK, subject: [orgId, rfId], expires }),
  });
  return {
    path: `/api/v1/documents/${encodeURIComponent(rfId)}?${query}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** A forged or foreign link is not found; a genuine one past its expiry is gone (410). */
export function verifyDocumentPath(
  secret: string,
  orgId: string,
  rfId: string,
  expires: number | undefined,
  signature: string | undefined,
  nowMs = Date.now(),
) {
  verifyLinkSignature(
    secret,
    { purpose: DOCUMENT_LINK, subject: [orgId, rfId], expires },
    signature,
    { resource: 'Document', expiredMessage: 'This document link has expired; open the document again' },
    nowMs,
  );
}
