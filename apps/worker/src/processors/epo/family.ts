import { DelayedError, UnrecoverableError, Worker } from 'bullmq';
import { IngestionError, OpsQuotaError, refreshFamilies, THROTTLE_COLOURS } from '@patentrack/ingestion';
import { z } from 'zod';
import { metrics } from '../../observability/metrics';
import { defineProcessor } from '../types';
import { pauseEpoQueue } from './pause';

/** How long the queue stops when OPS shows `red` or `black` for the family service (ingestion.md §3.6). */
const THROTTLED_PAUSE_MS = 60_000;

export const epoFamilyPayload = z.object({
  assetIds: z.array(z.uuid()).min(1),
  trigger: z.enum(['cron', 'manual', 'retry', 'on_demand']).default('on_demand'),
});

/**
 * `ingest:epo-family { assetIds }`: looks up and stores the EPO families of the assets' patents. Retries and
 * duplicate jobs skip look-ups stored since the job was created, so a job resumed after a throttle or a quota
 * pause only does what is left.
 */
export const epoFamilyProcessor = defineProcessor({
  name: 'ingest:epo-family',
  payload: epoFamilyPayload,
  async handle({ assetIds }, job, context, token) {
    try {
      const result = await refreshFamilies({
        pool: context.pool,
        client: context.epo.client,
        assetIds,
        doneSince: new Date(job.timestamp),
        logger: context.logger,
      });
      if (result.throttle) {
        metrics.epoThrottleState.set({ service: 'inpadoc' }, THROTTLE_COLOURS.indexOf(result.throttle));
      }
      metrics.epoQuotaBytesUsed.set(await context.epo.client.weeklyBytes());
      if (result.stoppedBy) {
        context.logger.warn({ throttle: result.stoppedBy, ...result }, 'OPS throttling: epo queue waits');
        await context.queues.epo.rateLimit(THROTTLED_PAUSE_MS);
        throw Worker.RateLimitError();
      }
      return result;
    } catch (error) {
      if (error instanceof OpsQuotaError) {
        const resumeAt = error.resumeAt();
        context.logger.warn({ resumeAt, err: error }, 'OPS quota exceeded: epo queue paused');
        await pauseEpoQueue(context.queues.epo, context.redis, resumeAt);
        // Retried once the pause is over, without spending an attempt.
        await job.moveToDelayed(resumeAt.getTime(), token);
        throw new DelayedError();
      }
      if (error instanceof IngestionError && error.errorClass === 'auth') {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  },
});
