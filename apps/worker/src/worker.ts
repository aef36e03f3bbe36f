import { Redis } from 'ioredis';
import { createPool } from '@patentrack/db';
import { ingestionSettingsFromEnv } from '@patentrack/ingestion';
import { LocalDirectoryStore, storageDirOf } from '@patentrack/storage';
import { warmIncrementalState, type ExecuteOptions } from '@patentrack/pipeline';
import { createLogger, loadEnv, workerEnvSchema, type Logger, type WorkerEnv } from '@patentrack/shared';
import { startMetricsServer } from './observability/metrics-server';
import { enrichmentProvidersFromEnv } from './processors/enrichment/providers';
import { sheetsSettingsFromEnv } from './processors/exports/drive-sheet';
import { epoSettingsFromEnv } from './processors/epo/settings';
import { closeQueues, createQueues, type Queues } from './queues';
import { registerSchedules, type ScheduleRegistration } from './schedules';
import { sampleQueueDepth, startWorkers } from './workers';

const SHUTDOWN_GRACE_MS = 30_000;
const BUSY_RETRY_DELAY_MS = 30_000;
const QUEUE_DEPTH_SAMPLE_MS = 15_000;

export interface WorkerRuntimeOptions {
  env: WorkerEnv;
  logger?: Logger;
  /** Serve `/metrics`, `/healthz`, `/readyz` (off in in-process tests). */
  metricsServer?: boolean;
  busyRetryDelayMs?: number;
  backoffDelayMs?: number;
  stepRunners?: ExecuteOptions['runners'];
}

export interface WorkerRuntime {
  queues: Queues;
  schedules: ScheduleRegistration;
  /** Stops taking jobs, lets active ones finish within the grace period, then closes every connection. */
  stop(graceMs?: number): Promise<{ timedOut: boolean }>;
}

/** Starts every queue consumer, the cron schedulers and (optionally) the metrics server. */
export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const { env } = options;
  const logger = options.logger ?? createLogger('worker');
  const pool = createPool(env.DATABASE_URL_WORKER);
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (err) => logger.warn({ err }, 'idle database connection lost'));
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, { prefix: env.QUEUE_PREFIX, backoffDelayMs: options.backoffDelayMs });
  const running = startWorkers(redis, env.QUEUE_PREFIX, {
    pool,
    redis,
    queues,
    logger,
    storage: new LocalDirectoryStore(storageDirOf(env.STORAGE_DIR)),
    busyRetryDelayMs: options.busyRetryDelayMs ?? BUSY_RETRY_DELAY_MS,
    orgPurgeAfterDays: env.ORG_PURGE_AFTER_DAYS,
    ingest: {
      ...ingestionSettingsFromEnv(env, logger),
      odpBaseUrl: env.USPTO_ODP_BASE_URL,
      cpcSchemeBaseUrl: env.CPC_SCHEME_BASE_URL,
    },
    epo: epoSettingsFromEnv(env, redis),
    enrichment: enrichmentProvidersFromEnv(env),
    sheets: sheetsSettingsFromEnv(env),
    stepRunners: options.stepRunners,
  });
  const schedules = await registerSchedules(queues, { enabled: env.CRON_ENABLED, logger });
  const ready = async () => {
    await pool.query('select 1');
    return (await redis.ping()) === 'PONG' && running.workers.every((worker) => worker.isRunning());
  };
  const metricsServer = options.metricsServer
    ? await startMetricsServer(env.WORKER_METRICS_PORT, ready)
    : null;
  const sampler = setInterval(
    () => void sampleQueueDepth(queues).catch((err) => logger.warn({ err }, 'queue depth sample failed')),
    QUEUE_DEPTH_SAMPLE_MS,
  );
  sampler.unref();
  logger.info(
    { prefix: env.QUEUE_PREFIX, metricsPort: metricsServer ? env.WORKER_METRICS_PORT : null },
    'worker started',
  );
  // In the background: jobs are taken meanwhile, and a run of an organization being loaded waits for it.
  const warmUp = new AbortController();
  const warming = warmIncrementalState(pool, {
    organizations: env.PIPELINE_WARM_ORGANIZATIONS,
    signal: warmUp.signal,
  }).then(
    (warmed) => warmed.length > 0 && logger.info({ warmed }, 'incremental pipeline state loaded'),
    (err) => logger.warn({ err }, 'incremental pipeline state not loaded; the next runs compute in full'),
  );

  return {
    queues,
    schedules,
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      clearInterval(sampler);
      warmUp.abort();
      await warming;
      const outcome = await running.close(graceMs);
      metricsServer?.close();
      await closeQueues(queues);
      await Promise.allSettled([redis.quit(), pool.end()]);
      logger.info(outcome, 'worker stopped');
      return outcome;
    },
  };
}

/** Runs the worker process until SIGTERM/SIGINT, then shuts down gracefully. */
export async function runWorker(): Promise<void> {
  const env = loadEnv(workerEnvSchema);
  const runtime = await startWorkerRuntime({ env, metricsServer: true });
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  createLogger('worker').info({ signal }, 'worker stopping');
  await runtime.stop();
}
