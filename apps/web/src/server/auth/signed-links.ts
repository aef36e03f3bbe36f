import { createHmac } from 'node:crypto';
import { AppError } from '@patentrack/shared';
import { safeEqual } from './secrets';

/**
 * What a signed link grants: `purpose` separates the kinds of link (a document signature never opens a stored
 * file), `subject` names what it opens, `expires` is in Unix seconds.
 */
export interface SignedLinkFacts {
  purpose: string;
  subject: readonly string[];
  expires: number;
}

export function linkSignature(secret: string, { purpose, subject, expires }: SignedLinkFacts): string {
  return createHmac('sha256', `${purpose}:${secret}`)
    .update([...subject, expires].join('\n'))
    .digest('base64url');
}

/** Expiry in Unix seconds of a link issued at `nowMs` that lives `ttlSeconds`. */
export function linkExpiry(nowMs: number, ttlSeconds: number): number {
  return Math.floor(nowMs / 1000) + ttlSeconds;
}

/** A forged or foreign link is not found (nothing to learn about the object); a genuine one past its expiry is gone (410). */
export function verifyLinkSignature(
  secret: string,
  facts: Omit<SignedLinkFacts, 'expires'> & { expires: number | undefined },
  signature: string | undefined,
  refusal: { resource: string; expiredMessage: string },
  nowMs = Date.now(),
): void {
  const { expires } = facts;
  if (
    expires === undefined ||
    !signature ||
    !safeEqual(signature, linkSignature(secret, { ...facts, expires }))
  )
    throw AppError.notFound(refusal.resource);
  if (expires * 1000 <= nowMs) throw new AppError('GONE', refusal.expiredMessage, { reason: 'expired' });
}
