import { executeStep } from '@patentrack/pipeline';
import { PIPELINE_STEPS } from '@patentrack/shared';
import { z } from 'zod';
import { publishOrgEvent } from '../../live/events';
import { metrics } from '../../observability/metrics';
import { defineProcessor } from '../types';

export const STEP_JOB = 'pipeline:step';

export const stepPayload = z.object({ runId: z.uuid(), orgId: z.uuid(), step: z.enum(PIPELINE_STEPS) });

/**
 * One step of a run, a child job of its `pipeline:org` parent. It is tried once: a failure is recorded on the
 * step row and the parent's retry (30/60/120 s back-off) runs it again.
 */
export const pipelineStepProcessor = defineProcessor({
  name: STEP_JOB,
  payload: stepPayload,
  async handle({ runId, orgId, step }, _job, context) {
    const outcome = await executeStep(context.pool, { runId, orgId }, step, {
      runners: context.stepRunners,
      onStepEvent: async (event) => {
        if (event.durationMs !== undefined)
          metrics.pipelineStepDuration.observe({ step }, event.durationMs / 1000);
        if (event.outcome) metrics.pipelineRecords.inc({ step }, event.outcome.recordsProcessed);
        context.logger.info(
          { runId, orgId, step, status: event.status, durationMs: event.durationMs, error: event.error },
          'pipeline step',
        );
        await publishOrgEvent(context.redis, orgId, {
          type: 'ingestion-progress',
          data: {
            jobId: runId,
            orgId,
            step,
            progress: event.progress,
            status: event.status,
            counts: event.outcome?.metrics,
          },
        });
      },
    });
    return outcome;
  },
});
