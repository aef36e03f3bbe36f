import { affectedOrganizations } from '@patentrack/ingestion';
import type { PipelineStep } from '@patentrack/shared';
import type { Pool } from 'pg';
import { metrics } from '../../observability/metrics';
import type { Queues } from '../../queues';
import { enqueueOrgRuns } from '../pipeline/enqueue';

/**
 * Fan-out of a finished ingestion job (ingestion.md §2.9 step 5, §2.10): one coalesced pipeline run per
 * affected organization starting at the source's step, then `fanout_completed_at` and the job's change keys
 * are cleared. Idempotent: a repeated fan-out coalesces into the same pending runs.
 */
export async function fanOutIngestionJob(
  pool: Pool,
  queues: Pick<Queues, 'pipeline'>,
  ingestion: { jobId: string; source: string; startFrom: PipelineStep },
): Promise<{ organizations: string[]; enqueued: number }> {
  const organizations = await affectedOrganizations(pool, ingestion.jobId);
  const enqueued = await enqueueOrgRuns(pool, queues, organizations, {
    jobType: 'incremental',
    trigger: ingestion.source,
    startFrom: ingestion.startFrom,
    sourceIngestionJobIds: [ingestion.jobId],
  });
  await pool.query(
    `update ingestion_jobs set affected_org_count = $2, fanout_completed_at = now() where id = $1`,
    [ingestion.jobId, organizations.length],
  );
  await pool.query(`delete from ingestion_changes where ingestion_job_id = $1`, [ingestion.jobId]);
  metrics.fanoutOrgs.inc({ source: ingestion.source }, organizations.length);
  return { organizations, enqueued };
}
