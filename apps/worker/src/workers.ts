import { Worker, type ConnectionOptions } from 'bullmq';
import { QUEUE_CONFIGS, queueList, type Queues } from './queues';
import { metrics } from './observability/metrics';
import { dispatchJob } from './processors/registry';
import type { ProcessorContext } from './processors/types';

export interface RunningWorkers {
  workers: Worker[];
  /**
   * Graceful stop: no new jobs are taken; active jobs get `graceMs` to finish. Jobs still running after that
   * are abandoned without being completed, so their lock lapses and BullMQ hands them to another worker
   * (stalled-job recovery): nothing is lost, and steps are idempotent replace-set writes.
   */
  close(graceMs: number): Promise<{ timedOut: boolean }>;
}

/** One BullMQ worker per queue with the queue's concurrency and limiter, dispatching through the registry. */
export function startWorkers(
  connection: ConnectionOptions,
  prefix: string,
  context: ProcessorContext,
): RunningWorkers {
  const workers = QUEUE_CONFIGS.map((config) => {
    const worker = new Worker(
      config.name,
      async (job, token) => {
        const logger = context.logger.child({ queue: config.name, jobName: job.name, jobId: job.id });
        const started = performance.now();
        try {
          return await dispatchJob(job, { ...context, logger }, token);
        } finally {
          metrics.jobDuration.observe(
            { queue: config.name, name: job.name },
            (performance.now() - started) / 1000,
          );
        }
      },
      {
        connection,
        prefix,
        concurrency: config.concurrency,
        ...('limiter' in config ? { limiter: config.limiter } : {}),
      },
    );
    worker.on('failed', (job, error) =>
      context.logger.warn(
        {
          queue: config.name,
          jobName: job?.name,
          jobId: job?.id,
          attemptsMade: job?.attemptsMade,
          err: error,
        },
        'job failed',
      ),
    );
    worker.on('error', (error) => context.logger.error({ queue: config.name, err: error }, 'worker error'));
    return worker;
  });
  return {
    workers,
    async close(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((worker) => worker.close())).then(() => false);
      const deadline = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      });
      const timedOut = await Promise.race([graceful, deadline]);
      clearTimeout(timer);
      if (timedOut) await Promise.all(workers.map((worker) => worker.close(true)));
      return { timedOut };
    },
  };
}

/** Samples the depth of every queue into `bullmq_queue_jobs{queue,state}`. */
export async function sampleQueueDepth(queues: Queues): Promise<void> {
  for (const queue of queueList(queues)) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'waiting-children');
    for (const [state, count] of Object.entries(counts))
      metrics.queueJobs.set({ queue: queue.name, state }, count);
  }
}
