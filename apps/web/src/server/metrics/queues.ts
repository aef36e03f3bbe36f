import { QUEUE_NAMES } from '@patentrack/shared';
import type { ServerDeps } from '../http/deps';
import { closeWorkerQueues, workerQueue } from '../jobs/worker-queue';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Closes the queue connections the counts were read through (tests). */
export const closeQueueReaders = closeWorkerQueues;

/** Job counts per queue and state, for the Prometheus gauges and the admin status page. */
export async function queueCounts(deps: ServerDeps): Promise<Record<string, Record<string, number>>> {
  const entries = await Promise.all(
    QUEUE_NAMES.map(
      async (name) => [name, await workerQueue(deps, name).getJobCounts(...JOB_STATES)] as const,
    ),
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
    QUEUE_NAMES.map(async (name) => {
      const queue = workerQueue(deps, name);
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
