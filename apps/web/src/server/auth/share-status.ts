import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';

/**
 * Re-checks the share link on every viewer request, so a revocation or expiry takes effect immediately (S-21):
 * 410 with `details.reason` (BR-046). Must run in the link's share:read context; the definer function
 * `share_link_status()` reports on that link only, since RLS already hides a dead link's row.
 */
export async function assertShareLinkUsable(tx: Tx, now = new Date()): Promise<void> {
  const result = await tx.execute<{ revoked_at: Date | string | null; expires_at: Date | string | null }>(
    sql`select * from share_link_status()`,
  );
  const link = result.rows[0];
  if (!link) throw AppError.notFound('Share link');
  if (link.revoked_at !== null)
    throw new AppError('GONE', 'This link was withdrawn by its owner', { reason: 'revoked' });
  if (link.expires_at !== null && new Date(link.expires_at) <= now) {
    throw new AppError('GONE', 'This link has expired', {
      reason: 'expired',
      expiredAt: new Date(link.expires_at).toISOString(),
    });
  }
}
