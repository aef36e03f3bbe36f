import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { orgCacheKeyPrefix } from '@patentrack/shared';

/** Upper bound on a cached dashboard value; the worker deletes `org:{orgId}:*` when a run finishes. */
const ORG_CACHE_TTL_SECONDS = 3600;

/**
 * Server cache of a per-org read "until the next ingestion" (product.md #28): the finished pipeline run of that
 * org invalidates every key under its prefix, so a stale value never outlives new data.
 */
export async function cachedForOrg<T>(
  redis: Redis,
  orgId: string,
  name: string,
  load: () => Promise<T>,
): Promise<T> {
  const key = `${orgCacheKeyPrefix(orgId)}${name}`;
  const hit = await redis.get(key);
  if (hit !== null) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(key, JSON.stringify(value), 'EX', ORG_CACHE_TTL_SECONDS);
  return value;
}

/** Cache name of a read with parameters: the parameters hashed, so every distinct request has its own entry. */
export function keyedName(name: string, parameters: unknown): string {
  return `${name}:${createHash('sha256').update(JSON.stringify(parameters)).digest('base64url').slice(0, 32)}`;
}
