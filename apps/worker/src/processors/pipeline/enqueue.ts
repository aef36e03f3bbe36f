import { requestOrgRun, type RunRequest } from '@patentrack/pipeline';
import type { Pool } from 'pg';
import type { Queues } from '../../queues';

export const ORG_RUN_JOB = 'pipeline:org';

/**
 * Requests a pipeline run for an organization, coalesced with a pending one (ingestion.md §2.10), and adds
 * the `pipeline:org` job (job id = processing_jobs.id) only when a new run row was created.
 */
export async function enqueueOrgRun(
  pool: Pool,
  queues: Pick<Queues, 'pipeline'>,
  request: RunRequest,
): Promise<{ runId: string; enqueued: boolean }> {
  const { runId, inserted } = await requestOrgRun(pool, request);
  if (inserted) await queues.pipeline.add(ORG_RUN_JOB, { runId, orgId: request.orgId }, { jobId: runId });
  return { runId, enqueued: inserted };
}

/** One coalesced run per organization with the same request; returns how many new runs were queued. */
export async function enqueueOrgRuns(
  pool: Pool,
  queues: Pick<Queues, 'pipeline'>,
  orgIds: readonly string[],
  request: Omit<RunRequest, 'orgId'>,
): Promise<number> {
  let enqueued = 0;
  for (const orgId of orgIds) {
    if ((await enqueueOrgRun(pool, queues, { ...request, orgId })).enqueued) enqueued++;
  }
  return enqueued;
}
