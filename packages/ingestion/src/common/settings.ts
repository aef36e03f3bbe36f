import type { Logger, WorkerEnv } from '@patentrack/shared';
import { httpClientFromEnv, type HttpClient } from './http-client';
import type { ErrorThresholds } from './ingestion-job';
import { DEFAULT_READER_LIMITS, type SourceReaderLimits } from './source-reader';

/** What every file load of a worker or CLI process takes from its environment (ingestion.md §2.1, §2.8). */
export interface IngestionSettings {
  http: HttpClient;
  workDir?: string;
  batchSize: number;
  thresholds: ErrorThresholds;
  limits: SourceReaderLimits;
}

export function ingestionSettingsFromEnv(env: WorkerEnv, logger?: Logger): IngestionSettings {
  return {
    http: httpClientFromEnv(env, logger),
    workDir: env.INGEST_WORK_DIR,
    batchSize: env.INGEST_BATCH_SIZE,
    thresholds: {
      maxErrorRate: env.INGEST_MAX_ERROR_RATE,
      maxErrors: env.INGEST_MAX_ERRORS,
      maxErrorRows: env.INGEST_MAX_ERROR_ROWS,
    },
    limits: { ...DEFAULT_READER_LIMITS, maxUncompressedBytes: env.INGEST_MAX_UNCOMPRESSED_BYTES },
  };
}
