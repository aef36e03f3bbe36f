import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { createDb, createPool } from '@patentrack/db';
import { createLogger, loadEnv, workerEnvSchema } from '@patentrack/shared';
import { startMetricsServer } from './observability/metrics-server';

const SHUTDOWN_GRACE_MS = 30_000;

/** Runs the worker process until SIGTERM/SIGINT, then shuts down gracefully. */
export async function runWorker(): Promise<void> {
  const env = loadEnv(workerEnvSchema);
  const logger = createLogger('worker');
  const pool = createPool(env.DATABASE_URL_WORKER);
  const db = createDb(pool);
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });

  const ready = async () => {
    await db.execute(sql`select 1`);
    return (await redis.ping()) === 'PONG';
  };
  const metricsServer = await startMetricsServer(env.WORKER_METRICS_PORT, ready);
  logger.info({ metricsPort: env.WORKER_METRICS_PORT }, 'worker started');

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'worker stopping');
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

  const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  metricsServer.close();
  await Promise.allSettled([redis.quit(), pool.end()]);
  clearTimeout(forceExit);
  logger.info('worker stopped');
}
