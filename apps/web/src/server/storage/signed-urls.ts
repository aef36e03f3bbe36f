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
  /** The download's file name, e.g. `{org}-{view}-{YYYY-MM-DD}.csv` of an export; signed with the key. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,150}\.[a-z0-9]{1,5}$/, 'Not a file name')
    .optional(),
});

const subjectOf = (key: string, name: string | undefined) => (name ? [key, name] : [key]);

/**
 * A download link of `key` valid for five minutes; the key names the owning org, so the org is signed too. `name`
 * (signed as well) is the file name the download is saved under instead of the key's random one.
 */
export function signFileUrl(secret: string, key: string, nowMs = Date.now(), name?: string) {
  const expires = linkExpiry(nowMs, FILE_LINK_TTL_SECONDS);
  const query = new URLSearchParams({
    key,
    expires: String(expires),
    signature: linkSignature(secret, { purpose: FILE_LINK, subject: subjectOf(key, name), expires }),
    ...(name ? { name } : {}),
  });
  return { url: `/api/v1/files?${query}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/** Throws NOT_FOUND for a forged or altered link and GONE for an expired one. */
export function verifyFileUrl(
  secret: string,
  { key, expires, signature, name }: z.output<typeof signedFileQuery>,
  nowMs = Date.now(),
): void {
  verifyLinkSignature(
    secret,
    { purpose: FILE_LINK, subject: subjectOf(key, name), expires },
    signature,
    { resource: 'File', expiredMessage: 'This download link has expired; open the file again' },
    nowMs,
  );
}
