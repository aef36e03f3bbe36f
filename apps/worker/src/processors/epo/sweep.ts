import { selectDueAssets, SWEEP_QUOTA_SHARE } from '@patentrack/ingestion';
import { z } from 'zod';
import { defineProcessor } from '../types';
import { enqueueFamilyLookups } from './enqueue';

const SOURCE_KEY = 'epo_ops_family';

export const epoSweepPayload = z.object({
  trigger: z.enum(['cron', 'manual', 'retry']).default('manual'),
});

/**
 * `ingest:epo-sweep` (daily): enqueues family look-ups for the assets that are due — never looked up, or past
 * `next_refresh_at` — at most `EPO_SWEEP_MAX`, and none once 80 % of the weekly OPS quota is used.
 */
export const epoSweepProcessor = defineProcessor({
  name: 'ingest:epo-sweep',
  payload: epoSweepPayload,
  async handle({ trigger }, _job, context) {
    const { client, sweepMax, weeklyQuotaBytes } = context.epo;
    const usedBytes = await client.weeklyBytes();
    let assetIds: string[] = [];
    let jobs = 0;
    if (usedBytes < weeklyQuotaBytes * SWEEP_QUOTA_SHARE) {
      assetIds = await selectDueAssets(context.pool, sweepMax, new Date());
      jobs = await enqueueFamilyLookups(context.queues, assetIds, trigger);
    } else {
      context.logger.warn({ usedBytes, weeklyQuotaBytes }, 'EPO sweep skipped: weekly quota nearly used');
    }
    // Freshness of this source is the sweep's success (ingestion.md §5.3).
    await context.pool.query(
      `update data_sources set last_run_at = now(), last_success_at = now() where key = $1`,
      [SOURCE_KEY],
    );
    return { assetIds, jobs, usedBytes };
  },
});
