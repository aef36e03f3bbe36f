import type { Pool } from './db';
import { loadOrgData } from './org-data';
import { companyTimelines } from './steps/timeline';
import { companyTrees } from './steps/tree';

export interface WarmedOrganization {
  orgId: string;
  /** The organization's latest finished run, which succeeded: its successor patches what was loaded. */
  runId: string;
  durationMs: number;
}

/**
 * Loads into this process what organizations' next incremental runs patch — their inputs, timelines and tree
 * nodes — for the `organizations` whose latest finished runs succeeded most recently. A worker that has just
 * started holds none of it, and its first runs would otherwise read and compute everything. Loading from today's
 * data is as good as the run's own: every transaction the next run does not count as changed is the same now as
 * then (the next run reloads the ones it does). A run that starts meanwhile waits for its organization's load.
 * Stops between organizations once `signal` aborts.
 */
export async function warmIncrementalState(
  pool: Pool,
  options: { organizations: number; signal?: AbortSignal },
): Promise<WarmedOrganization[]> {
  if (options.organizations <= 0) return [];
  const { rows } = await pool.query<{ organization_id: string; id: string }>(
    `select organization_id, id from (
       select distinct on (j.organization_id) j.organization_id, j.id, j.status, j.completed_at
         from processing_jobs j join organizations o on o.id = j.organization_id and o.deleted_at is null
        where j.status in ('success', 'failed')
        order by j.organization_id, j.completed_at desc) latest
      where status = 'success'
      order by completed_at desc
      limit $1`,
    [options.organizations],
  );
  const warmed: WarmedOrganization[] = [];
  for (const { organization_id: orgId, id: runId } of rows) {
    if (options.signal?.aborted) break;
    const started = performance.now();
    const run = { orgId, runId };
    // Provisional: a run of the organization that started meanwhile is newer and keeps its own state.
    const data = await loadOrgData(pool, orgId, runId, { provisional: true });
    await companyTimelines(data, run, { provisional: true });
    await companyTrees(data, run, { provisional: true });
    warmed.push({ orgId, runId, durationMs: Math.round(performance.now() - started) });
  }
  return warmed;
}
