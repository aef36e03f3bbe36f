import { z } from 'zod';
import { linkExpiry, linkSignature, verifyLinkSignature } from '../auth/signed-links';
import { objectKeySchema } from '@patentrack/storage';

/** Lifetime of a stored file's download link (S-09: short-lived). */
export const FILE_LINK_TTL_SECONDS = 5 * 60;

const FILE_LINK = 'stored-file';

export const signedFileQuery = z.object({
  key: objectKeySchema,
  expires: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 40),
  signature: z.string().min(1).max(100),
});

/** A download link of `key` valid for five minutes; the key names the owning org, so the org is signed too. */
export function signFileUrl(secret: string, key: string, nowMs = Date.now()) {
  const expires = linkExpiry(nowMs, FILE_LINK_TTL_SECONDS);
  const query = new URLSearchParams({
    key,
    expires: String(expires),
    signature: linkSignature(secret, { purpose: FILE_LINK, subject: [key], expires }),
  });
  return { url: `/api/v1/files?${query}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/** Throws NOT_FOUND for a forged or altered link and GONE for an expired one. */
export function verifyFileUrl(
  secret: string,
  { key, expires, signature }: z.output<typeof signedFileQuery>,
  nowMs = Date.now(),
): void {
  verifyLinkSignature(
    secret,
    { purpose: FILE_LINK, subject: [key], expires },
    signature,
    { resource: 'File', expiredMessage: 'This download link has expired; open the file again' },
    nowMs,
  );
}
