import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { Logger } from '@patentrack/shared';
import type { IngestionSettings, OpsClient } from '@patentrack/ingestion';
import type { ExecuteOptions } from '@patentrack/pipeline';
import type { ObjectStore } from '@patentrack/storage';
import type { Queues } from '../queues';
import type { EnrichmentProviders } from './enrichment/providers';
import type { SheetsSettings } from './exports/drive-sheet';

/** How ingestion processors fetch and load files (ingestion.md §2.1). */
export interface IngestSettings extends IngestionSettings {
  /** `USPTO_ODP_BASE_URL`: where a cron run lists the products' new files (§2.2). */
  odpBaseUrl: string;
  /** `CPC_SCHEME_BASE_URL`: where a cron run looks for a new scheme release (§2.2). */
  cpcSchemeBaseUrl: string;
}

/** The EPO family source (ingestion.md §3.6): the OPS client and the sweep's limits. */
export interface EpoSettings {
  client: OpsClient;
  /** Whether `EPO_OPS_KEY` and `EPO_OPS_SECRET` are set: without them no look-up is ever enqueued. */
  configured: boolean;
  /** `EPO_SWEEP_MAX`: assets one sweep enqueues at most. */
  sweepMax: number;
  /** `EPO_WEEKLY_QUOTA_BYTES`: the sweep stops at 80 % of it. */
  weeklyQuotaBytes: number;
}

/** What every processor gets: worker-role database pool, Redis, the queues and a logger. */
export interface ProcessorContext {
  pool: Pool;
  ingest: IngestSettings;
  epo: EpoSettings;
  /** Company enrichment providers (ingestion.md §3.7); a provider without its key is null. */
  enrichment: EnrichmentProviders;
  redis: Redis;
  queues: Queues;
  logger: Logger;
  /** Private file storage, the folder the web serves signed downloads from (exports). */
  storage: ObjectStore;
  /** Exports to a Google Sheet (#70). */
  sheets: SheetsSettings;
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
