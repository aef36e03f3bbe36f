import 'server-only';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import type { Db } from '@patentrack/db';
import { AppError, createLogger, type Logger, type WebEnv } from '@patentrack/shared';
import { LocalDirectoryStore, storageDirOf, type ObjectStore } from '@patentrack/storage';
import { appDb, redis } from '../connections';
import { webEnv } from '../env';
import { BCRYPT_COST } from '../auth/config';
import { LoginLockout } from '../auth/lockout';
import { defaultOutboxDir, OutboxMailTransport, type MailTransport } from '../auth/mail';
import { authKeys, type AuthKeys } from '../auth/redis-keys';
import { SessionStore } from '../auth/sessions-store';

/** What handlers and auth services need from the process; built once from the validated environment. */
export interface ServerDeps {
  env: WebEnv;
  db: Db;
  redis: Redis;
  keys: AuthKeys;
  sessions: SessionStore;
  lockout: LoginLockout;
  mail: MailTransport;
  /** Private file storage (S-09): reachable only through signed download links. */
  storage: ObjectStore;
  log: Logger;
  bcryptCost: number;
  secureCookies: boolean;
}

let cached: ServerDeps | undefined;

export function serverDeps(): ServerDeps {
  if (cached) return cached;
  const env = webEnv();
  const keys = authKeys(env.REDIS_KEY_PREFIX);
  cached = {
    env,
    db: appDb(),
    redis: redis(),
    keys,
    sessions: new SessionStore(redis(), keys),
    lockout: new LoginLockout(redis(), keys),
    mail: new OutboxMailTransport(defaultOutboxDir(env.MAIL_OUTBOX_DIR)),
    storage: new LocalDirectoryStore(storageDirOf(env.STORAGE_DIR)),
    log: createLogger('web'),
    // A lower cost only speeds up test runs; every other environment hashes at cost 12 (S-23).
    bcryptCost: env.NODE_ENV === 'test' && env.BCRYPT_COST ? env.BCRYPT_COST : BCRYPT_COST,
    secureCookies: env.NODE_ENV === 'production',
  };
  return cached;
}

const REDIS_READY_TIMEOUT_MS = 2000;

/**
 * The shared Redis client queues nothing while disconnected (fail fast), so a request arriving before the first
 * connection completes waits for it briefly instead of failing; a Redis that stays down is a 503.
 */
export async function redisReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status === 'wait') void client.connect().catch(() => undefined);
  const timeout = AbortSignal.timeout(REDIS_READY_TIMEOUT_MS);
  try {
    await once(client, 'ready', { signal: timeout });
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'A required service is unavailable; try again shortly');
  }
}
