import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createPool } from '@patentrack/db';
import { AppError, loadEnv, workerEnvSchema } from '@patentrack/shared';
import type { Pool } from 'pg';
import { closeQueues, createQueues, type Queues } from '../queues';

const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/** Reports a job a command queued for the running worker: one JSON line with `--json`, else a sentence. */
export function printQueued(queue: string, job: Job, json: boolean | undefined): void {
  process.stdout.write(
    json
      ? `${JSON.stringify({ queue, name: job.name, jobId: job.id })}\n`
      : `Queued ${job.name} as job ${job.id} on the ${queue} queue\n`,
  );
}

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

/**
 * Runs `fn` with the worker's queues and always closes them. Redis is connected first: when it is unreachable
 * the command fails with a clear message before `fn` has changed anything, instead of reconnecting forever.
 */
export async function withQueues<T>(fn: (queues: Queues) => Promise<T>): Promise<T> {
  const env = loadEnv(workerEnvSchema);
  const redis = new Redis(env.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  // Without a listener ioredis prints every connection error itself.
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `Redis is unreachable (${(lastError ?? (error as Error)).message}): pipelines cannot be enqueued, so nothing was changed. ` +
        'Start Redis or fix REDIS_URL, then run the command again.',
    );
  }
  const queues = createQueues(redis, { prefix: env.QUEUE_PREFIX });
  try {
    return await fn(queues);
  } finally {
    await closeQueues(queues);
    await redis.quit();
  }
}
