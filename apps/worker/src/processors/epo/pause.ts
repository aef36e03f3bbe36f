import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** When a quota pause of the `epo` queue ends (ISO instant); absent while the queue runs or an admin paused it. */
export const EPO_PAUSED_UNTIL_KEY = 'epo:paused-until';

/**
 * Pauses the `epo` queue until `until` after OPS refused for quota (ingestion.md §2.4). A paused queue runs no
 * job at all, so the resume is done from outside it: `reap:stalled` (every 5 min) calls `resumeEpoQueueIfDue`.
 */
export async function pauseEpoQueue(queue: Queue, redis: Redis, until: Date): Promise<void> {
  await redis.set(EPO_PAUSED_UNTIL_KEY, until.toISOString());
  await queue.pause();
}

/** Resumes the `epo` queue once its quota pause is over; a pause without the key (an admin's) is left alone. */
export async function resumeEpoQueueIfDue(queue: Queue, redis: Redis, now: Date): Promise<boolean> {
  const until = await redis.get(EPO_PAUSED_UNTIL_KEY);
  if (!until || Date.parse(until) > now.getTime()) return false;
  await queue.resume();
  await redis.del(EPO_PAUSED_UNTIL_KEY);
  return true;
}
