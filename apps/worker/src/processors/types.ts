import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { Logger } from '@patentrack/shared';
import type { IngestionSettings } from '@patentrack/ingestion';
import type { ExecuteOptions } from '@patentrack/pipeline';
import type { Queues } from '../queues';

/** How ingestion processors fetch and load files (ingestion.md §2.1). */
export interface IngestSettings extends IngestionSettings {
  /** `USPTO_ODP_BASE_URL`: where a cron run lists the products' new files (§2.2). */
  odpBaseUrl: string;
}

/** What every processor gets: worker-role database pool, Redis, the queues and a logger. */
export interface ProcessorContext {
  pool: Pool;
  ingest: IngestSettings;
  redis: Redis;
  queues: Queues;
  logger: Logger;
  /** How long a run waits before retrying when its organization already has a running run (spec: 30 s). */
  busyRetryDelayMs: number;
  /** Soft-deleted organizations are purged after this many days (`ORG_PURGE_AFTER_DAYS`). */
  orgPurgeAfterDays: number;
  /** Step implementations override (fault injection in tests); the real steps otherwise. */
  stepRunners?: ExecuteOptions['runners'];
}

/** One job type: its payload schema and its handler; the registry maps job names to these. */
export interface JobProcessor<Payload = unknown> {
  name: string;
  payload: z.ZodType<Payload>;
  handle(payload: Payload, job: Job, context: ProcessorContext, token: string | undefined): Promise<unknown>;
}

export const defineProcessor = <Payload>(processor: JobProcessor<Payload>): JobProcessor<Payload> =>
  processor;
