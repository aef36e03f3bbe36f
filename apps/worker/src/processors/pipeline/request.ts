import { PIPELINE_REQUEST_JOBS, PIPELINE_STEPS } from '@patentrack/shared';
import { z } from 'zod';
import { defineProcessor } from '../types';
import { enqueueOrgRun } from './enqueue';

export const rebuildPayload = z.object({
  orgId: z.uuid(),
  triggeredBy: z.uuid().nullable().optional(),
  from: z.enum(PIPELINE_STEPS).optional(),
});

/** `pipeline:org:rebuild`: a full rebuild requested by an admin or after configuration changes. */
export const rebuildRequestProcessor = defineProcessor({
  name: PIPELINE_REQUEST_JOBS.rebuild,
  payload: rebuildPayload,
  handle: ({ orgId, triggeredBy, from }, _job, context) =>
    enqueueOrgRun(context.pool, context.queues, {
      orgId,
      jobType: 'full_rebuild',
      trigger: 'rebuild',
      startFrom: from ?? 'classify',
      triggeredBy: triggeredBy ?? null,
    }),
});

/**
 * `pipeline:org:tree`: companies or entity overrides changed. The run starts at `flag`, whose membership
 * refresh (D-27) picks up the new party keys, and then rebuilds trees and everything after them.
 */
export const treeRequestProcessor = defineProcessor({
  name: PIPELINE_REQUEST_JOBS.tree,
  payload: rebuildPayload.omit({ from: true }),
  handle: ({ orgId, triggeredBy }, _job, context) =>
    enqueueOrgRun(context.pool, context.queues, {
      orgId,
      jobType: 'tree_rebuild',
      trigger: 'tree',
      startFrom: 'flag',
      triggeredBy: triggeredBy ?? null,
    }),
});
