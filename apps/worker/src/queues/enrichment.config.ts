import { keepForDays, type QueueConfig } from './types';

/** Company logo/domain enrichment: three at a time, at most 4 per second. */
export const enrichmentQueueConfig = {
  name: 'enrichment',
  jobNames: ['enrich:company'],
  concurrency: 3,
  limiter: { max: 4, duration: 1_000 },
  defaultJobOptions: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: keepForDays(3),
    removeOnFail: keepForDays(14),
  },
} as const satisfies QueueConfig<'enrichment'>;
