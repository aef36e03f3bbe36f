import { createPool } from '@patentrack/db';
import { loadEnv, workerEnvSchema } from '@patentrack/shared';
import type { Pool } from 'pg';

/** A worker-role pool for one CLI command; the caller ends it. */
export function workerPool(): Pool {
  return createPool(loadEnv(workerEnvSchema).DATABASE_URL_WORKER);
}

/** Runs `fn` with a worker-role pool and always closes it. */
export async function withWorkerPool<T>(fn: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = workerPool();
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}
