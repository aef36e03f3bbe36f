import type { Redis } from 'ioredis';
import { opsClientFromEnv } from '@patentrack/ingestion';
import type { WorkerEnv } from '@patentrack/shared';
import type { EpoSettings } from '../types';

/** The EPO family source of a worker process: its OPS client (sharing the worker's Redis) and sweep limits. */
export function epoSettingsFromEnv(env: WorkerEnv, redis: Redis): EpoSettings {
  return {
    client: opsClientFromEnv(env, redis),
    configured: !!env.EPO_OPS_KEY && !!env.EPO_OPS_SECRET,
    sweepMax: env.EPO_SWEEP_MAX,
    weeklyQuotaBytes: env.EPO_WEEKLY_QUOTA_BYTES,
  };
}
