import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { organizationDetail } from '@patentrack/db/queries';
import { recordAudit } from '../auth/accounts';
import { JPEG, PNG, WEBP, newObjectKey, type ObjectStore, type StoredFileType } from '@patentrack/storage';
import { signFileUrl } from '../storage/signed-urls';
import type { UploadPolicy } from '../storage/uploads';
import type { ServiceContext } from './update';

/**
 * Raster images only: SVG can carry script, so it is not on the list. 5 MB is ample for a logo; S-27 would allow
 * an upload route up to 50 MB, but a logo route has no use for it.
 */
export const LOGO_UPLOAD: UploadPolicy = {
  label: 'The logo',
  types: [PNG, JPEG, WEBP],
  maxBytes: 5 * 1024 * 1024,
};

async function logoKeyOf(tx: Tx): Promise<string | null> {
  const { rows } = await tx.execute<{ logo_object_key: string | null }>(
    sql`select logo_object_key from organizations where id = app_current_org() and deleted_at is null for update`,
  );
  if (!rows[0]) throw AppError.notFound('Organization');
  return rows[0].logo_object_key;
}

/**
 * Stores the logo privately under a fresh random key and points the org at it. The file is written before the
 * row so the row never names a missing file; the replaced file goes once the new row is committed.
 */
export async function replaceLogo(
  storage: ObjectStore,
  tenant: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  ctx: Omit<ServiceContext, 'tx'>,
  upload: { bytes: Uint8Array; type: StoredFileType },
) {
  const key = newObjectKey(ctx.orgId, 'logo', upload.type);
  await storage.put(key, upload.bytes);
  let replaced: string | null;
  let detail: Awaited<ReturnType<typeof organizationDetail>>;
  try {
    ({ replaced, detail } = await tenant(async (tx) => {
      const previous = await logoKeyOf(tx);
      await tx.execute(
        sql`update organizations set logo_object_key = ${key}, updated_at = now() where id = app_current_org()`,
      );
      await recordAudit(tx, ctx.orgId, {
        action: 'organization.logo',
        actorUserId: ctx.principal.userId,
        targetType: 'organization',
        targetId: ctx.orgId,
        metadata: { objectKey: key, mediaType: upload.type.mediaType, bytes: upload.bytes.byteLength },
        ...ctx.meta,
      });
      return { replaced: previous, detail: await organizationDetail(tx) };
    }));
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
  if (replaced) await storage.delete(replaced);
  return detail!;
}

/** A five-minute download link of a stored logo (S-09); 404 when there is none. */
export function signedLogoLink(secret: string, key: string | null | undefined) {
  if (!key) throw AppError.notFound('Logo');
  return signFileUrl(secret, key);
}

/** The answer of a stable logo path: a redirect to its signed link, so the path can sit in an <img>. */
export const logoRedirect = ({ url }: { url: string }) =>
  new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store' } });

/** A five-minute download link of the org's logo; 404 when it has none. */
export async function logoLink(tx: Tx, secret: string) {
  const { rows } = await tx.execute<{ logo_object_key: string | null }>(
    sql`select logo_object_key from organizations where id = app_current_org() and deleted_at is null`,
  );
  return signedLogoLink(secret, rows[0]?.logo_object_key);
}
