import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { ServerDeps } from '../http/deps';

/** Queue of the worker's source loads (apps/worker queues/ingestion.config.ts). */
const INGESTION_QUEUE = 'ingestion';

/**
 * Data sources that have a file-load processor in the worker, by `data_sources.key`, with their job names
 * (apps/worker processors/ingestion/files.ts). Other sources have no processor yet and cannot be run from here.
 */
export const RUNNABLE_SOURCES = {
  uspto_assignments_daily: 'ingest:assignments',
  uspto_grants_biblio_weekly: 'ingest:grants',
  uspto_applications_biblio_weekly: 'ingest:applications',
} as const;
export type RunnableSource = keyof typeof RUNNABLE_SOURCES;

const holder = globalThis as typeof globalThis & { __ptIngestionQueue?: Queue };

export function ingestionQueue(deps: ServerDeps): Queue {
  holder.__ptIngestionQueue ??= new Queue(INGESTION_QUEUE, {
    connection: new Redis(deps.env.REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: deps.env.QUEUE_PREFIX,
  });
  return holder.__ptIngestionQueue;
}

export async function closeIngestionQueue(): Promise<void> {
  await holder.__ptIngestionQueue?.close();
  holder.__ptIngestionQueue = undefined;
}

/** Queued, delayed or running jobs of one job name. */
export async function pendingJobsOf(deps: ServerDeps, jobName: string): Promise<Job[]> {
  const jobs = await ingestionQueue(deps).getJobs([
    'active',
    'waiting',
    'delayed',
    'prioritized',
    'waiting-children',
  ]);
  return jobs.filter((job) => job?.name === jobName);
}

/**
 * Enqueues a file load in the worker's payload shape (`fileIngestionPayload`: sources + trigger); without
 * `sources` the worker polls the source's product for new files.
 */
export async function enqueueFileLoad(
  deps: ServerDeps,
  source: RunnableSource,
  sources: string[] | undefined,
  trigger: 'manual' | 'retry' | 'backfill',
): Promise<string> {
  const job = await ingestionQueue(deps).add(
    RUNNABLE_SOURCES[source],
    sources ? { sources, trigger } : { trigger },
  );
  return job.id!;
}
