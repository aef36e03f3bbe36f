import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import { enrichmentQueueConfig } from './enrichment.config';
import { epoQueueConfig } from './epo.config';
import { exportsQueueConfig } from './exports.config';
import { housekeepingQueueConfig } from './housekeeping.config';
import { ingestionQueueConfig } from './ingestion.config';
import { pipelineQueueConfig } from './pipeline.config';
import type { QueueName as SharedQueueName } from '@patentrack/shared';
import type { QueueConfig } from './types';

export { keepForDays, type QueueConfig } from './types';

/** Every queue of ingestion.md §4. */
export const QUEUE_CONFIGS = [
  ingestionQueueConfig,
  epoQueueConfig,
  enrichmentQueueConfig,
  pipelineQueueConfig,
  housekeepingQueueConfig,
  exportsQueueConfig,
] as const;

export type QueueName = (typeof QUEUE_CONFIGS)[number]['name'] & SharedQueueName;
export type Queues = Record<QueueName, Queue>;

export interface QueueOptions {
  /** BullMQ key prefix (`QUEUE_PREFIX`); tests use a unique one. */
  prefix: string;
  /** Replaces every queue's back-off base delay (tests keep retries fast). */
  backoffDelayMs?: number;
}

/** The queue whose `jobNames` list a job name; undefined for an unknown name. */
export function queueConfigFor(jobName: string): QueueConfig | undefined {
  return QUEUE_CONFIGS.find((config) => (config.jobNames as readonly string[]).includes(jobName));
}

/** Opens every queue with its job defaults (attempts, back-off, retention). */
export function createQueues(connection: ConnectionOptions, options: QueueOptions): Queues {
  const entries = QUEUE_CONFIGS.map((config): [QueueName, Queue] => {
    const defaults: DefaultJobOptions = { ...config.defaultJobOptions };
    if (options.backoffDelayMs !== undefined && typeof defaults.backoff === 'object') {
      defaults.backoff = { ...defaults.backoff, delay: options.backoffDelayMs };
    }
    return [
      config.name,
      new Queue(config.name, { connection, prefix: options.prefix, defaultJobOptions: defaults }),
    ];
  });
  return Object.fromEntries(entries) as Queues;
}

/** The queues as a list, e.g. for an admin job dashboard or queue-depth metrics. */
export const queueList = (queues: Queues): Queue[] => QUEUE_CONFIGS.map((config) => queues[config.name]);

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(queueList(queues).map((queue) => queue.close()));
}
