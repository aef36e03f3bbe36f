import type { Pool } from 'pg';

/** Every derived (pipeline-written) tenant table of data-model §2 plus the membership tables. */
export const DERIVED_TABLES = [
  'ownership_tree_nodes',
  'company_transaction_activities',
  'timeline_entries',
  'asset_title_status',
  'dashboard_items',
  'dashboard_item_counts',
  'summary_metrics',
  'asset_diagrams',
  'assets',
  'company_assets',
] as const;

/** All derived rows of an organization, ids and timestamps included, in a stable order. */
export async function derivedRows(pool: Pool, orgId: string): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of DERIVED_TABLES) {
    const { rows } = await pool.query<{ row: string }>(
      `select to_jsonb(t)::text as row from ${table} t where t.organization_id = $1 order by 1`,
      [orgId],
    );
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}

/** Waits until no pipeline run is pending or running and the given ingestion jobs have fanned out. */
export async function waitForQuiet(
  pool: Pool,
  expectedIngestionJobs: number,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ fanned: number; busy: number }>(
      `select (select count(*) from ingestion_jobs where fanout_completed_at is not null)::int as fanned,
              (select count(*) from processing_jobs where status in ('pending', 'running'))::int as busy`,
    );
    if (rows[0]!.fanned >= expectedIngestionJobs && rows[0]!.busy === 0) return;
    if (Date.now() > deadline) throw new Error(`not quiet after ${timeoutMs} ms: ${JSON.stringify(rows[0])}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
