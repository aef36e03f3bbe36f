import { buildSummary, type SummaryActivity } from '@patentrack/business-rules';
import { inOrgTransaction, type Queryable } from '../db';
import { companyInput, loadOrgData, pick, toColumns } from '../org-data';
import { replaceScope } from '../replace-scope';
import { loadTitleStatuses } from '../title-status';
import type { StepRunner } from './types';

const METRIC_COLUMNS = [
  'company_count',
  'activity_count',
  'entity_count',
  'party_count',
  'employee_count',
  'transaction_count',
  'asset_count',
  'arrow_count',
  'complete_chain_count',
  'broken_chain_count',
  'divested_count',
  'encumbrance_count',
].map((name) => ({ name, type: 'integer' }));

/** Inventor names of the given application and grant numbers (BR-041 picks the list per asset). */
async function loadInventorLists(
  db: Queryable,
  appnos: string[],
  grants: string[],
): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ key: string; names: string[] }>(
    `select 'application:' || doc_num as key, array_agg(name order by sequence) as names
       from inventors where doc_type = 'application' and doc_num in (select unnest($1::varchar[])) group by doc_num
     union all
     select 'grant:' || doc_num, array_agg(name order by sequence)
       from inventors where doc_type = 'grant' and doc_num in (select unnest($2::varchar[])) group by doc_num`,
    [appnos, grants],
  );
  return new Map(rows.map((r) => [r.key, r.names]));
}

async function loadActivities(db: Queryable, orgId: string): Promise<Map<string, SummaryActivity[]>> {
  const { rows } = await db.query<SummaryActivity & { companyId: string }>(
    `select company_id as "companyId", rf_id as "rfId", party_entity_id as "partyEntityId", activity_id as "activityId"
       from company_transaction_activities where organization_id = $1`,
    [orgId],
  );
  const result = new Map<string, SummaryActivity[]>();
  for (const row of rows) {
    const list = result.get(row.companyId) ?? [];
    list.push(row);
    result.set(row.companyId, list);
  }
  return result;
}

/**
 * Step 5b (§5.7, BR-038, BR-041…043): metrics per company plus the org row (company_id null) recomputed
 * over the union of the companies.
 */
export const summaryStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const appnos = data.assets.flatMap((a) => (a.appnoDocNum ? [a.appnoDocNum] : []));
  const grants = data.assets.flatMap((a) => (a.grantDocNum ? [a.grantDocNum] : []));
  const [verdicts, activities, inventors] = await Promise.all([
    loadTitleStatuses(pool, { orgId, runId }),
    loadActivities(pool, orgId),
    loadInventorLists(pool, appnos, grants),
  ]);
  const rows = buildSummary({
    config: data.scope.config,
    companies: data.scope.companies.map((company) => ({
      companyId: company.id,
      isRoot: company.parentId === null,
      company: companyInput(company),
      activities: activities.get(company.id) ?? [],
      assets: data.assets
        .filter((asset) => asset.companyIds.includes(company.id))
        .map((asset) => ({
          asset,
          applicationInventors: inventors.get(`application:${asset.appnoDocNum}`) ?? [],
          grantInventors: inventors.get(`grant:${asset.grantDocNum}`) ?? [],
          transactions: pick(data, data.assetRfIds.get(asset.assetId)),
          assessment: verdicts.get(company.id)?.get(asset.assetId) ?? null,
        })),
    })),
  });
  const metrics = { rows: rows.length, rowsDeleted: 0, rowsInserted: 0 };
  await inOrgTransaction(pool, orgId, async (client) => {
    for (const { companyId, ...counts } of rows) {
      const written = await replaceScope(client, {
        table: 'summary_metrics',
        orgId,
        companyId,
        columns: METRIC_COLUMNS,
        rows: [toColumns(counts)],
      });
      metrics.rowsDeleted += written.deleted;
      metrics.rowsInserted += written.inserted;
    }
    // Companies removed since the last run leave no stale metrics behind.
    await client.query(
      `delete from summary_metrics where organization_id = $1 and company_id is not null and company_id <> all($2::uuid[])`,
      [orgId, data.scope.companies.map((c) => c.id)],
    );
  });
  return { recordsProcessed: rows.length, metrics };
};
