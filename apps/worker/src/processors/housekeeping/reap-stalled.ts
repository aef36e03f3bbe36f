import { finishRun } from '@patentrack/pipeline';
import { z } from 'zod';
import { resumeEpoQueueIfDue } from '../epo/pause';
import { defineProcessor } from '../types';

/** A run with no step activity for this long, and no live queue job, is considered abandoned. */
export const STALE_RUN_AFTER_MS = 30 * 60_000;
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'waiting-children', 'prioritized']);

/**
 * `reap:stalled`: fails pipeline runs left `running` by a process that died without its queue job surviving
 * (e.g. an inline CLI run killed mid-way), so the organization's next run is not blocked forever. Runs whose
 * queue job is still alive are left to BullMQ's own stalled-job recovery.
 */
export const reapStalledProcessor = defineProcessor({
  name: 'reap:stalled',
  payload: z.object({ trigger: z.string().optional(), staleAfterMs: z.number().int().positive().optional() }),
  async handle({ staleAfterMs }, _job, context) {
    const { rows } = await context.pool.query<{ id: string; organization_id: string }>(
      `select j.id, j.organization_id
         from processing_jobs j
         left join lateral (
           select max(greatest(s.started_at, s.completed_at)) as last_step
             from processing_steps s where s.processing_job_id = j.id and s.organization_id = j.organization_id
         ) s on true
        where j.status = 'running'
          and greatest(j.started_at, s.last_step) < now() - make_interval(secs => $1::float8 / 1000)`,
      [staleAfterMs ?? STALE_RUN_AFTER_MS],
    );
    const reaped: string[] = [];
    for (const run of rows) {
      const job = await context.queues.pipeline.getJob(run.id);
      if (job && LIVE_STATES.has(await job.getState())) continue;
      await finishRun(
        context.pool,
        { runId: run.id, orgId: run.organization_id },
        { status: 'failed', error: 'stalled: no worker holds this run' },
      );
      reaped.push(run.id);
    }
    if (reaped.length > 0) context.logger.warn({ reaped }, 'stalled pipeline runs failed');
    // A paused queue runs no job of its own, so the end of an EPO quota pause is noticed here.
    const epoResumed = await resumeEpoQueueIfDue(context.queues.epo, context.redis, new Date());
    if (epoResumed) context.logger.info('epo queue resumed after its quota pause');
    return { examined: rows.length, reaped, epoResumed };
  },
});
