import { describe, expect, it } from 'vitest';
import { loadEnv, workerEnvSchema } from '@patentrack/shared';
import { ingestionSettingsFromEnv } from './settings';

describe('ingestionSettingsFromEnv', () => {
  it('takes the thresholds and size guards of ingestion.md §2.1 from the environment', () => {
    const settings = ingestionSettingsFromEnv(
      loadEnv(workerEnvSchema, {
        NODE_ENV: 'test',
        INGEST_MAX_ERROR_RATE: '0.5',
        INGEST_MAX_ERRORS: '3',
        INGEST_MAX_ERROR_ROWS: '2',
        INGEST_MAX_UNCOMPRESSED_BYTES: '1e6',
        INGEST_BATCH_SIZE: '50',
      }),
    );
    expect(settings.thresholds).toEqual({ maxErrorRate: 0.5, maxErrors: 3, maxErrorRows: 2 });
    expect(settings.limits.maxUncompressedBytes).toBe(1e6);
    expect(settings.batchSize).toBe(50);
  });

  it('defaults to the documented values and rejects a rate above 1', () => {
    const settings = ingestionSettingsFromEnv(loadEnv(workerEnvSchema, { NODE_ENV: 'test' }));
    expect(settings.thresholds).toEqual({ maxErrorRate: 0.05, maxErrors: 10_000, maxErrorRows: 10_000 });
    expect(settings.limits.maxUncompressedBytes).toBe(100e9);
    expect(() => loadEnv(workerEnvSchema, { NODE_ENV: 'test', INGEST_MAX_ERROR_RATE: '2' })).toThrow(
      /INGEST_MAX_ERROR_RATE/,
    );
  });
});
