import { keepForDays, type QueueConfig } from './types';

/**
 * Per-organization pipeline runs and their step jobs. Five organizations in parallel; one run per
 * organization is enforced by `processing_jobs`. A run retries 3 times after 30, 60 and 120 s
 * (business-rules §5.0), resuming at the failed step; a step job itself is tried once, its run retries.
 */
export const pipelineQueueConfig = {
  name: 'pipeline',
  jobNames: ['pipeline:org', 'pipeline:org:rebuild', 'pipeline:org:tree', 'pipeline:step'],
  concurrency: 5,
  defaultJobOptions: {
    attempts: 4,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: keepForDays(7),
    removeOnFail: keepForDays(30),
  },
} as const satisfies QueueConfig<'pipeline'>;
