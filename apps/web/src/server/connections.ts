import 'server-only';
import { Redis } from 'ioredis';
import { createDb, createPool, type Db } from '@patentrack/db';
import { webEnv } from './env';

// One pool and one Redis client per server process, kept across hot reloads in development.
const globalConnections = globalThis as typeof globalThis & { __ptDb?: Db; __ptRedis?: Redis };

/** Drizzle client connected as `patentrack_app` (no BYPASSRLS): tenant data only through withTenant. */
export function appDb(): Db {
  globalConnections.__ptDb ??= createDb(createPool(webEnv().DATABASE_URL_APP));
  return globalConnections.__ptDb;
}

export function redis(): Redis {
  // Commands issued while (re)connecting wait in the offline queue; a dead Redis fails them after one retry.
  globalConnections.__ptRedis ??= new Redis(webEnv().REDIS_URL, { maxRetriesPerRequest: 1 });
  return globalConnections.__ptRedis;
}
