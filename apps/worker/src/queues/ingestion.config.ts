import { keepForDays, type QueueConfig } from './types';

/** Source loads: two at a time; a per-source lock keeps one source from running twice. */
export const ingestionQueueConfig = {
  name: 'ingestion',
  jobNames: [
    'ingest:assignments',
    'ingest:grants',
    'ingest:applications',
    'ingest:maintenance-fees',
    'ingest:cpc',
    'ingest:cpc-scheme',
    'ingest:backfill',
  ],
  concurrency: 2,
  defaultJobOptions: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: keepForDays(7),
    removeOnFail: keepForDays(30),
  },
} as const satisfies QueueConfig<'ingestion'>;
