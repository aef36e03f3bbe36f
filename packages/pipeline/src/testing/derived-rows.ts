import type { Queryable } from '../db';

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
export async function derivedRows(pool: Queryable, orgId: string): Promise<Record<string, string[]>> {
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
