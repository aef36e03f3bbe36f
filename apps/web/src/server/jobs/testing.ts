import { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { EVENT_CHANNELS } from '@patentrack/shared';

export interface JobComplete {
  jobId: string;
  kind: string;
  status: string;
  resultUrl?: string;
}

/**
 * Tests only: records the `job-complete` events of the organizations' live channels. `waitFor` resolves with a
 * job's event, or fails after `timeoutMs` naming the job's state in `queue`.
 */
export async function watchJobCompletions(orgIds: string[], queue: () => Queue) {
  const completed = new Map<string, JobComplete>();
  const subscriber = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  subscriber.on('message', (_channel, message: string) => {
    const event = JSON.parse(message) as { type: string; data: JobComplete };
    if (event.type === 'job-complete') completed.set(event.data.jobId, event.data);
  });
  await subscriber.subscribe(...orgIds.map(EVENT_CHANNELS.org));
  return {
    async waitFor(jobId: string, timeoutMs = 30_000): Promise<JobComplete> {
      const deadline = Date.now() + timeoutMs;
      while (!completed.has(jobId)) {
        if (Date.now() > deadline) {
          const job = await queue().getJob(jobId);
          throw new Error(
            `no job-complete for ${jobId}: ${await job?.getState()} ${job?.failedReason ?? ''}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return completed.get(jobId)!;
    },
    close: () => subscriber.disconnect(),
  };
}
