import type { Redis } from 'ioredis';
import { EVENT_CHANNELS, liveEventSchema, orgCacheKeyPrefix, type LiveEvent } from '@patentrack/shared';

/**
 * Publishes a live event on its organization's channel (and the admin channel for ingestion events). The
 * payload is validated first so the web's SSE relay can forward it unchanged.
 */
export async function publishOrgEvent(redis: Redis, orgId: string, event: LiveEvent): Promise<void> {
  await redis.publish(EVENT_CHANNELS.org(orgId), JSON.stringify(liveEventSchema.parse(event)));
}

export async function publishAdminEvent(redis: Redis, event: LiveEvent): Promise<void> {
  await redis.publish(EVENT_CHANNELS.admin, JSON.stringify(liveEventSchema.parse(event)));
}

/** Deletes every `org:{orgId}:*` cache key after a run replaced the organization's derived data. */
export async function invalidateOrgCache(redis: Redis, orgId: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${orgCacheKeyPrefix(orgId)}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
