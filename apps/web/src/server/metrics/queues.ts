import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ServerDeps } from '../http/deps';

/** The worker's queues (ingestion.md §4); the web only reads their counts. */
export const WORKER_QUEUES = ['ingestion', 'epo', 'enrichment', 'pipeline', 'housekeeping'] as const;
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

const holder = globalThis as typeof globalThis & { __ptQueueReaders?: Map<string, Queue> };

function reader(deps: ServerDeps, name: string): Queue {
  holder.__ptQueueReaders ??= new Map();
  let queue = holder.__ptQueueReaders.get(name);
  if (!queue) {
    queue = new Queue(name, {
      connection: new Redis(deps.env.REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: deps.env.QUEUE_PREFIX,
    });
    holder.__ptQueueReaders.set(name, queue);
  }
  return queue;
}

export async function closeQueueReaders(): Promise<void> {
  await Promise.all([...(holder.__ptQueueReaders?.values() ?? [])].map((queue) => queue.close()));
  holder.__ptQueueReaders = undefined;
}

/** Job counts per queue and state, for the Prometheus gauges and the admin status page. */
export async function queueCounts(deps: ServerDeps): Promise<Record<string, Record<string, number>>> {
  const entries = await Promise.all(
    WORKER_QUEUES.map(async (name) => [name, await reader(deps, name).getJobCounts(...JOB_STATES)] as const),
  );
  return Object.fromEntries(entries);
}

/** Jobs waiting or delayed across every queue. */
export async function queueDepth(deps: ServerDeps): Promise<number> {
  const counts = await queueCounts(deps);
  return Object.values(counts).reduce(
    (sum, states) => sum + (states.waiting ?? 0) + (states.delayed ?? 0),
    0,
  );
}

/** Failed jobs shown per queue on the read-only queue page (newest first). */
const RECENT_FAILED = 20;

/**
 * The read-only queue board of /admin/queues: counts per state and the latest failed jobs of every worker
 * queue. Retrying goes through the ingestion job browser (#84), which records who asked.
 */
export async function queueBoard(deps: ServerDeps) {
  return Promise.all(
    WORKER_QUEUES.map(async (name) => {
      const queue = reader(deps, name);
      const [counts, failed, paused] = await Promise.all([
        queue.getJobCounts(...JOB_STATES),
        queue.getFailed(0, RECENT_FAILED - 1),
        queue.isPaused(),
      ]);
      return {
        name,
        paused,
        counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<
          (typeof JOB_STATES)[number],
          number
        >,
        failed: failed
          .filter((job) => job !== undefined)
          .map((job) => ({
            id: job.id ?? '',
            name: job.name,
            failedReason: job.failedReason ?? null,
            attemptsMade: job.attemptsMade,
            createdAt: new Date(job.timestamp).toISOString(),
            finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
            data: job.data as unknown,
          })),
      };
    }),
  );
}
