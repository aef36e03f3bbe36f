import 'server-only';
import { Redis } from 'ioredis';
import { createDb, createPool, type Db } from '@patentrack/db';
import { createLogger } from '@patentrack/shared';
import { webEnv } from './env';

const logger = createLogger('web');

// One pool and one Redis client per server process, kept across hot reloads in development.
const globalConnections = globalThis as typeof globalThis & { __ptDb?: Db; __ptRedis?: Redis };

/** Drizzle client connected as `patentrack_app` (no BYPASSRLS): tenant data only through withTenant. */
export function appDb(): Db {
  globalConnections.__ptDb ??= createDb(createPool(webEnv().DATABASE_URL_APP));
  return globalConnections.__ptDb;
}

export function redis(): Redis {
  if (!globalConnections.__ptRedis) {
    // Commands issued while (re)connecting wait in the offline queue; a dead Redis fails them after one retry.
    const client = new Redis(webEnv().REDIS_URL, { maxRetriesPerRequest: 1 });
    // Reconnects go on in the background; health reports the outage, the log says why.
    client.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
    globalConnections.__ptRedis = client;
  }
  return globalConnections.__ptRedis;
}
