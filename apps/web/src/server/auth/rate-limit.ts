import type { Redis } from 'ioredis';

export interface RateLimitRule {
  /** Bucket name, part of the Redis key (e.g. `role:member`, `auth:login`). */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the oldest counted request leaves the window. */
  resetAt: number;
  /** Seconds to wait before a retry can succeed; 0 when allowed. */
  retryAfter: number;
}

/**
 * Sliding-window log in a sorted set, evaluated atomically: drop entries older than the window, count, and record
 * this request only when it is allowed (a refused request does not extend the block).
 */
const SLIDING_WINDOW_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', key, window)
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local oldestScore = now
if oldest[2] then oldestScore = tonumber(oldest[2]) end
return { allowed, count, oldestScore }`;

let sequence = 0;

export async function consumeRateLimit(
  redis: Redis,
  key: string,
  rule: RateLimitRule,
  nowMs = Date.now(),
): Promise<RateLimitDecision> {
  const windowMs = rule.windowSeconds * 1000;
  sequence = (sequence + 1) % 1_000_000;
  const member = `${nowMs}:${process.pid}:${sequence}:${Math.random().toString(36).slice(2, 8)}`;
  const [allowed, count, oldest] = (await redis.eval(
    SLIDING_WINDOW_SCRIPT,
    1,
    key,
    nowMs,
    windowMs,
    rule.limit,
    member,
  )) as [number, number, number];
  const resetMs = oldest + windowMs;
  return {
    allowed: allowed === 1,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetAt: Math.ceil(resetMs / 1000),
    retryAfter: allowed === 1 ? 0 : Math.max(1, Math.ceil((resetMs - nowMs) / 1000)),
  };
}
