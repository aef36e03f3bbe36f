import type { DefaultJobOptions } from 'bullmq';

const DAY_SECONDS = 86_400;

/** Keeps finished jobs for a number of days (BullMQ retention is in seconds). */
export const keepForDays = (days: number) => ({ age: days * DAY_SECONDS });

/** One queue's behaviour (ingestion.md §4): its job names, worker concurrency, limiter and job defaults. */
export interface QueueConfig<Name extends string = string> {
  name: Name;
  jobNames: readonly string[];
  concurrency: number;
  limiter?: { max: number; duration: number };
  defaultJobOptions: DefaultJobOptions;
}
