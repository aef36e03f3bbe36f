/**
 * The Redis commands the EPO source uses. ioredis's `Redis` satisfies it; the package does not depend on
 * ioredis itself, the worker hands its connection in.
 */
export interface EpoRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  set(key: string, value: string, mode: 'PX', milliseconds: number, condition: 'NX'): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  incrby(key: string, increment: number): Promise<number>;
  expire(key: string, seconds: number): Promise<number>;
}

/** Deletes `KEYS[1]` only while it still holds `ARGV[1]`: a lock or token someone else replaced is left alone. */
export const DELETE_IF_EQUAL = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
