import { DelayedError, WaitingChildrenError, type Job } from 'bullmq';
import { claimRun, finishRun, loadRun, nextStepGroup, stepStatuses } from '@patentrack/pipeline';
import type { PipelineStep } from '@patentrack/shared';
import { z } from 'zod';
import { invalidateOrgCache, publishOrgEvent } from '../../live/events';
import { metrics } from '../../observability/metrics';
import { enqueueOrganizationLookups } from '../epo/enqueue';
import { defineProcessor, type ProcessorContext } from '../types';
import { ORG_RUN_JOB } from './enqueue';
import { STEP_JOB } from './step';

export const orgRunPayload = z.object({
  runId: z.uuid(),
  orgId: z.uuid(),
  /** `{attempt}:{steps}` of the group whose step jobs this job is waiting for (set by the job itself). */
  dispatched: z.string().optional(),
});
type OrgRunPayload = z.infer<typeof orgRunPayload>;

/** A step of the group failed; the run's job fails this attempt and BullMQ retries it after its back-off. */
export class StepFailedError extends Error {
  constructor(readonly steps: PipelineStep[]) {
    super(`pipeline step ${steps.join(', ')} failed`);
    this.name = 'StepFailedError';
  }
}

/**
 * The orchestrator of one run (`processing_jobs` row), a BullMQ flow built group by group: for the next DAG
 * group (`classify → flag → tree ‖ timeline → broken_title → dashboard ‖ summary → generate_json`) it adds
 * one `pipeline:step` child job per step and waits for them (waiting-children), then moves on. Completed
 * steps are persisted, so a retry or a restarted worker resumes at the first unfinished step. One run per
 * organization runs at a time: when another is running this job delays itself and tries again.
 */
export const orgRunProcessor = defineProcessor({
  name: ORG_RUN_JOB,
  payload: orgRunPayload,
  async handle(payload, job, context, token) {
    const { runId, orgId } = payload;
    const run = { runId, orgId };
    const claim = await claimRun(context.pool, run, job.id ?? null);
    if (claim === 'busy') {
      await job.moveToDelayed(Date.now() + context.busyRetryDelayMs, token);
      throw new DelayedError();
    }
    if (claim === 'finished' || claim === 'missing') return { runId, skipped: claim };
    const log = context.logger.child({ runId, orgId, jobId: job.id });
    if (claim === 'claimed') log.info('pipeline run started');

    for (
      let group = await nextStepGroup(context.pool, run);
      group;
      group = await nextStepGroup(context.pool, run)
    ) {
      const marker = `${job.attemptsMade}:${group.join(',')}`;
      if (job.data.dispatched === marker) {
        const statuses = await stepStatuses(context.pool, run);
        const failed = group.filter((step) => statuses[step] !== 'success');
        await failAttempt(job, context, payload, failed);
      }
      for (const step of group) {
        await context.queues.pipeline.add(
          STEP_JOB,
          { runId, orgId, step },
          {
            jobId: `${runId}-${step}-${job.attemptsMade}`,
            parent: { id: job.id!, queue: job.queueQualifiedName },
            attempts: 1,
            ignoreDependencyOnFailure: true,
          },
        );
      }
      await job.updateData({ ...payload, dispatched: marker } satisfies OrgRunPayload);
      if (await job.moveToWaitingChildren(token!)) throw new WaitingChildrenError();
      job.data.dispatched = marker;
    }
    return completeRun(context, runId, orgId, log);
  },
});

async function completeRun(
  context: ProcessorContext,
  runId: string,
  orgId: string,
  log: ProcessorContext['logger'],
) {
  const run = await loadRun(context.pool, { runId, orgId });
  const duration = run?.startedAt ? Date.now() - run.startedAt.getTime() : 0;
  await finishRun(context.pool, { runId, orgId }, { status: 'success', summary: { durationMs: duration } });
  const cacheKeysDeleted = await invalidateOrgCache(context.redis, orgId);
  const familyLookupJobs = await enqueueOrganizationLookups(context, orgId);
  metrics.pipelineRuns.inc({ status: 'success' });
  await publishOrgEvent(context.redis, orgId, {
    type: 'pipeline-complete',
    data: { orgId, pipelineId: runId, status: 'success', duration },
  });
  log.info({ durationMs: duration, cacheKeysDeleted, familyLookupJobs }, 'pipeline run finished');
  return { runId, status: 'success', durationMs: duration };
}

/** Fails this attempt; on the last attempt the run itself is marked failed and announced. */
async function failAttempt(
  job: Job,
  context: ProcessorContext,
  { runId, orgId }: OrgRunPayload,
  failed: PipelineStep[],
): Promise<never> {
  const error = new StepFailedError(failed);
  if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
    const run = await loadRun(context.pool, { runId, orgId });
    const duration = run?.startedAt ? Date.now() - run.startedAt.getTime() : 0;
    await finishRun(context.pool, { runId, orgId }, { status: 'failed', error: error.message });
    metrics.pipelineRuns.inc({ status: 'failed' });
    await publishOrgEvent(context.redis, orgId, {
      type: 'pipeline-complete',
      data: { orgId, pipelineId: runId, status: 'failed', failedStep: failed[0], duration },
    });
    context.logger.warn({ runId, orgId, failed }, 'pipeline run failed after its last attempt');
  }
  throw error;
}
