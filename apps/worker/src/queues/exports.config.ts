import { DRIVE_EXPORT_JOB, EXPORT_JOB } from '@patentrack/shared';
import { keepForDays, type QueueConfig } from './types';

/**
 * Server exports (#55) and exports to a Google Sheet (#70): two at a time, not retried (the user sees the failure and asks again). A finished job is
 * the export's status record for GET /exports/:jobId, kept a day like the file's usefulness.
 */
export const exportsQueueConfig = {
  name: 'exports',
  jobNames: [EXPORT_JOB, DRIVE_EXPORT_JOB],
  concurrency: 2,
  defaultJobOptions: {
    attempts: 1,
    removeOnComplete: keepForDays(1),
    removeOnFail: keepForDays(7),
  },
} as const satisfies QueueConfig<'exports'>;
