import { keepForDays, type QueueConfig } from './types';

/** Freshness gauges, stalled-run reaping and retention: one at a time, never retried (the next tick runs). */
export const housekeepingQueueConfig = {
  name: 'housekeeping',
  jobNames: ['monitor:freshness', 'recount:entities', 'reap:stalled', 'cleanup:retention', 'cleanup:orphans'],
  concurrency: 1,
  defaultJobOptions: {
    attempts: 1,
    removeOnComplete: keepForDays(1),
    removeOnFail: keepForDays(7),
  },
} as const satisfies QueueConfig<'housekeeping'>;
