import { keepForDays, type QueueConfig } from './types';

/** EPO OPS look-ups: one at a time, throttled to the default 1 request per second. */
export const epoQueueConfig = {
  name: 'epo',
  jobNames: ['ingest:epo-family', 'ingest:epo-sweep'],
  concurrency: 1,
  limiter: { max: 1, duration: 1_000 },
  defaultJobOptions: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: keepForDays(3),
    removeOnFail: keepForDays(14),
  },
} as const satisfies QueueConfig<'epo'>;
