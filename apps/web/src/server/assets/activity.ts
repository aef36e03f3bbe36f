import { orgCacheKeyPrefix } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { storeAssetActivity } from '@patentrack/db/queries';
import type { ServerDeps } from '../http/deps';

/** A day at most, so a marker that outlives its org's data (tests, deleted orgs) does not stay in Redis. */
const MARKER_TTL_SECONDS = 24 * 3600;

/**
 * Makes sure the org's stored asset activity belongs to its latest pipeline run. The marker lives under the
 * org's cache prefix, which the worker clears when a run finishes; it is set before the refresh reads, so a
 * run finishing meanwhile clears it again and the next request refreshes once more. A failed refresh clears it.
 */
export async function ensureAssetActivity(
  deps: ServerDeps,
  orgId: string,
  tenant: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
): Promise<void> {
  const marker = `${orgCacheKeyPrefix(orgId)}asset-activity`;
  if ((await deps.redis.set(marker, new Date().toISOString(), 'EX', MARKER_TTL_SECONDS, 'NX')) !== 'OK')
    return;
  try {
    await tenant((tx) => storeAssetActivity(tx));
  } catch (error) {
    await deps.redis.del(marker);
    throw error;
  }
}
