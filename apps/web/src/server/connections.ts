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
  globalConnections.__ptRedis ??= new Redis(webEnv().REDIS_URL, {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  return globalConnections.__ptRedis;
}
