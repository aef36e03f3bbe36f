import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv, webEnvSchema, workerEnvSchema } from './env';

const secret = 'x'.repeat(32);
const webSecrets = {
  JWT_SECRET: secret,
  SHARE_TOKEN_SECRET: secret,
  ENCRYPTION_KEY: 'a'.repeat(64),
  STORAGE_SIGNING_SECRET: secret,
};

describe('environment validation', () => {
  it('refuses a production web process without JWT_SECRET and names the variable', () => {
    const attempt = () =>
      loadEnv(webEnvSchema, {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db.internal/pt',
        REDIS_URL: 'redis://cache.internal:6379',
      });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/JWT_SECRET/);
  });

  it('has no fallback for secrets even in development', () => {
    expect(() => loadEnv(webEnvSchema, { NODE_ENV: 'development' })).toThrow(/JWT_SECRET/);
  });

  it('requires explicit database and redis URLs in production', () => {
    const attempt = () => loadEnv(webEnvSchema, { NODE_ENV: 'production', ...webSecrets });
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/REDIS_URL/);
  });

  it('derives the role URLs from DATABASE_URL for local development', () => {
    const web = loadEnv(webEnvSchema, webSecrets);
    expect(web.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/patentrack');
    expect(web.DATABASE_URL_APP).toBe('postgres://patentrack_app@127.0.0.1:5432/patentrack');
    const worker = loadEnv(workerEnvSchema, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/other' });
    expect(worker.DATABASE_URL_WORKER).toBe('postgres://patentrack_worker@127.0.0.1:5432/other');
  });

  it('rejects malformed numbers and flags with the variable name', () => {
    expect(() => loadEnv(workerEnvSchema, { WORKER_METRICS_PORT: 'ninety' })).toThrow(/WORKER_METRICS_PORT/);
    expect(() => loadEnv(workerEnvSchema, { CRON_ENABLED: 'maybe' })).toThrow(/CRON_ENABLED/);
  });
});
