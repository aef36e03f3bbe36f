import { PIPELINE_STEP_GROUPS, PIPELINE_STEPS, type PipelineStep } from '@patentrack/shared';
import { sqlState, UNIQUE_VIOLATION, type Queryable } from './db';

export const PROCESSING_JOB_TYPES = ['incremental', 'full_rebuild', 'tree_rebuild', 'manual'] as const;
export type ProcessingJobType = (typeof PROCESSING_JOB_TYPES)[number];

export interface RunRequest {
  orgId: string;
  jobType: ProcessingJobType;
  /** Free text naming the cause, e.g. `ingest:assignments`, `cli`, `api`. */
  trigger: string;
  startFrom: PipelineStep;
  sourceIngestionJobIds?: string[];
  triggeredBy?: string | null;
}

export interface PipelineRun {
  id: string;
  orgId: string;
  jobType: ProcessingJobType;
  status: string;
  startFrom: PipelineStep;
  startedAt: Date | null;
  /** Ingestion jobs whose changes triggered the run (coalesced); empty for manual runs and rebuilds. */
  sourceIngestionJobIds: string[];
}

/** 1-based position of a step (`processing_steps.step_number`). */
export const stepNumber = (step: PipelineStep) => PIPELINE_STEPS.indexOf(step) + 1;

/**
 * Records a wish to run an organization's pipeline, coalesced with a run that is still pending
 * (ingestion.md §2.10): a burst of triggers becomes one run that starts at the earliest requested step.
 * `inserted` says whether a new run row was created, i.e. whether a queue job must be added for it.
 */
export async function requestOrgRun(
  db: Queryable,
  request: RunRequest,
): Promise<{ runId: string; inserted: boolean }> {
  const { rows } = await db.query<{ id: string; inserted: boolean }>(
    `insert into processing_jobs (organization_id, job_type, trigger, start_from_step, status, source_ingestion_job_ids, triggered_by)
     values ($1, $2, $3, $4, 'pending', $5::uuid[], $6)
     on conflict (organization_id) where status = 'pending'
     do update set start_from_step = least(processing_jobs.start_from_step, excluded.start_from_step),
                   source_ingestion_job_ids = processing_jobs.source_ingestion_job_ids || excluded.source_ingestion_job_ids
     returning id, (xmax = 0) as inserted`,
    [
      request.orgId,
      request.jobType,
      request.trigger,
      request.startFrom,
      request.sourceIngestionJobIds ?? [],
      request.triggeredBy ?? null,
    ],
  );
  const row = rows[0]!;
  return { runId: row.id, inserted: row.inserted };
}

/** A run and its organization: every statement on the tenant tables filters both (data-model §7.5). */
export interface RunRef {
  runId: string;
  orgId: string;
}

export async function loadRun(db: Queryable, { runId, orgId }: RunRef): Promise<PipelineRun | null> {
  const { rows } = await db.query<PipelineRun>(
    `select id, organization_id as "orgId", job_type as "jobType", status, start_from_step as "startFrom",
            started_at as "startedAt", source_ingestion_job_ids as "sourceIngestionJobIds"
       from processing_jobs where id = $1 and organization_id = $2`,
    [runId, orgId],
  );
  return rows[0] ?? null;
}

export type ClaimOutcome = 'claimed' | 'resumed' | 'busy' | 'finished' | 'missing';

/**
 * Moves a pending run to running. `busy` means another run of the same organization is running (the
 * one-running-per-org index fired): the caller delays and tries again. A run already `running` is resumed
 * (its job came back after waiting for its step jobs, a retry, or a worker that stopped mid-run).
 */
export async function claimRun(
  db: Queryable,
  run: RunRef,
  bullmqJobId: string | null,
): Promise<ClaimOutcome> {
  try {
    const { rowCount } = await db.query(
      `update processing_jobs set status = 'running', started_at = coalesce(started_at, now()), bullmq_job_id = $2
        where id = $1 and organization_id = $3 and status = 'pending'`,
      [run.runId, bullmqJobId, run.orgId],
    );
    if (rowCount === 1) {
      await seedStepRows(db, run);
      return 'claimed';
    }
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return 'busy';
    throw error;
  }
  const current = await loadRun(db, run);
  if (!current) return 'missing';
  if (current.status === 'running') {
    await seedStepRows(db, run);
    return 'resumed';
  }
  return 'finished';
}

/** One row per step: steps before the start step are `skipped`, the others `pending`. */
async function seedStepRows(db: Queryable, { runId, orgId }: RunRef): Promise<void> {
  await db.query(
    `insert into processing_steps (organization_id, processing_job_id, step_number, step_name, status, records_processed, metrics)
     select j.organization_id, j.id, s.n, s.step::pipeline_step,
            (case when s.step::pipeline_step < j.start_from_step then 'skipped' else 'pending' end)::step_status, 0, '{}'::jsonb
       from processing_jobs j
      cross join unnest($2::text[]) with ordinality as s(step, n)
      where j.id = $1 and j.organization_id = $3
     on conflict (processing_job_id, step_number) do nothing`,
    [runId, PIPELINE_STEPS, orgId],
  );
}

/**
 * The next DAG group of a run that still has work: its steps that have not succeeded. Null when every
 * group is done. Because completed steps are persisted, a retried run resumes at the failed step.
 */
export async function nextStepGroup(db: Queryable, { runId, orgId }: RunRef): Promise<PipelineStep[] | null> {
  const { rows } = await db.query<{ step_name: PipelineStep; status: string }>(
    `select step_name, status from processing_steps where processing_job_id = $1 and organization_id = $2`,
    [runId, orgId],
  );
  const done = new Set(
    rows.filter((r) => r.status === 'success' || r.status === 'skipped').map((r) => r.step_name),
  );
  for (const group of PIPELINE_STEP_GROUPS) {
    const open = group.filter((step) => !done.has(step));
    if (open.length > 0) return open;
  }
  return null;
}

export async function markStepRunning(
  db: Queryable,
  { runId, orgId }: RunRef,
  step: PipelineStep,
): Promise<void> {
  await db.query(
    `update processing_steps set status = 'running', started_at = now(), completed_at = null, error_message = null
      where processing_job_id = $1 and step_number = $2 and organization_id = $3`,
    [runId, stepNumber(step), orgId],
  );
  await db.query(`update processing_jobs set current_step = $2 where id = $1 and organization_id = $3`, [
    runId,
    stepNumber(step),
    orgId,
  ]);
}

export async function markStepFinished(
  db: Queryable,
  { runId, orgId }: RunRef,
  step: PipelineStep,
  outcome: {
    status: 'success' | 'failed';
    recordsProcessed: number;
    metrics: Record<string, unknown>;
    error?: string;
  },
): Promise<void> {
  await db.query(
    `update processing_steps set status = $3, completed_at = now(), records_processed = $4, metrics = $5::jsonb,
            error_message = $6
      where processing_job_id = $1 and step_number = $2 and organization_id = $7`,
    [
      runId,
      stepNumber(step),
      outcome.status,
      outcome.recordsProcessed,
      JSON.stringify(outcome.metrics),
      outcome.error ?? null,
      orgId,
    ],
  );
}

/**
 * Ends a run; `failed` runs keep their step rows so an operator can see where it stopped. An organization is
 * `provisioning` until its first run completes (data-model §3.1), so a successful run activates it.
 */
export async function finishRun(
  db: Queryable,
  { runId, orgId }: RunRef,
  outcome: { status: 'success' | 'failed'; summary?: Record<string, unknown>; error?: string },
): Promise<void> {
  await db.query(
    `update processing_jobs set status = $2, completed_at = now(), summary = coalesce(summary, '{}'::jsonb) || $3::jsonb,
            error_message = $4
      where id = $1 and organization_id = $5`,
    [runId, outcome.status, JSON.stringify(outcome.summary ?? {}), outcome.error ?? null, orgId],
  );
  if (outcome.status === 'success') {
    await db.query(`update organizations set status = 'active' where id = $1 and status = 'provisioning'`, [
      orgId,
    ]);
  }
}

export async function stepStatuses(
  db: Queryable,
  { runId, orgId }: RunRef,
): Promise<Record<PipelineStep, string>> {
  const { rows } = await db.query<{ step_name: PipelineStep; status: string }>(
    `select step_name, status from processing_steps where processing_job_id = $1 and organization_id = $2 order by step_number`,
    [runId, orgId],
  );
  return Object.fromEntries(rows.map((r) => [r.step_name, r.status])) as Record<PipelineStep, string>;
}
