import type { Redis } from 'ioredis';
import type { AuthKeys } from './redis-keys';

/** Failure counters are forgotten after a day without a success (BR-051). */
const FAILURE_MEMORY_S = 24 * 60 * 60;

/** Progressive lockout tiers of S-15 / BR-051, highest first; `null` seconds = until an admin unlocks. */
export const LOCKOUT_TIERS = [
  { failures: 20, lockSeconds: null },
  { failures: 10, lockSeconds: 15 * 60 },
  { failures: 5, lockSeconds: 60 },
] as const;

export type LockoutState = { locked: false } | { locked: true; retryAfter: number };
export type FailureOutcome = { failures: number; lockSeconds: number | null | 0 };

/** Login failure accounting per email (lower-cased), in Redis. */
export class LoginLockout {
  constructor(
    private readonly redis: Redis,
    private readonly keys: AuthKeys,
  ) {}

  async state(email: string): Promise<LockoutState> {
    const ttl = await this.redis.ttl(this.keys.loginLock(email));
    return ttl > 0 ? { locked: true, retryAfter: ttl } : { locked: false };
  }

  /**
   * Counts one failure and applies the tier it reaches: 0 = no lock, a number = temporary lock in seconds,
   * null = the account must be locked in the database until an admin unlocks it.
   */
  async recordFailure(email: string): Promise<FailureOutcome> {
    const [[, failures]] = (await this.redis
      .multi()
      .incr(this.keys.loginFailures(email))
      .expire(this.keys.loginFailures(email), FAILURE_MEMORY_S)
      .exec()) as [[null, number], [null, number]];
    const tier = LOCKOUT_TIERS.find((t) => failures >= t.failures);
    if (!tier) return { failures, lockSeconds: 0 };
    if (tier.lockSeconds !== null)
      await this.redis.set(this.keys.loginLock(email), '1', 'EX', tier.lockSeconds);
    return { failures, lockSeconds: tier.lockSeconds };
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.keys.loginFailures(email), this.keys.loginLock(email));
  }
}
