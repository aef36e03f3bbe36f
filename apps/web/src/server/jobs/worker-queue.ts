import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueName } from '@patentrack/shared';
import type { ServerDeps } from '../http/deps';

const holder = globalThis as typeof globalThis & { __ptWorkerQueues?: Map<QueueName, Queue> };

/** One producer connection per worker queue for the server's life, under the worker's `QUEUE_PREFIX`. */
export function workerQueue(deps: ServerDeps, name: QueueName): Queue {
  holder.__ptWorkerQueues ??= new Map();
  let queue = holder.__ptWorkerQueues.get(name);
  if (!queue) {
    queue = new Queue(name, {
      connection: new Redis(deps.env.REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: deps.env.QUEUE_PREFIX,
    });
    holder.__ptWorkerQueues.set(name, queue);
  }
  return queue;
}

/** Closes the queue connections (tests and shutdown). */
export async function closeWorkerQueues(): Promise<void> {
  const queues = [...(holder.__ptWorkerQueues?.values() ?? [])];
  holder.__ptWorkerQueues = undefined;
  await Promise.all(queues.map((queue) => queue.close()));
}
