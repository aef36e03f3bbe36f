import { buildDashboard, type Bank } from '@patentrack/business-rules';
import { inOrgTransaction, type Queryable } from '../db';
import { loadOrgData, pick } from '../org-data';
import { replaceScope, scopeRows } from '../replace-scope';
import { loadTitleStatuses } from '../title-status';
import type { StepRunner } from './types';

const ITEM_COLUMNS = [
  { name: 'entity_id', type: 'uuid' },
  { name: 'type', type: 'smallint' },
  { name: 'asset_id', type: 'uuid' },
  { name: 'patent', type: 'varchar(12)' },
  { name: 'application', type: 'varchar(12)' },
  { name: 'rf_id', type: 'varchar(16)' },
  { name: 'total', type: 'integer' },
  { name: 'lawfirm', type: 'varchar(500)' },
  { name: 'lawfirm_id', type: 'uuid' },
];
const COUNT_COLUMNS = [
  { name: 'type', type: 'smallint' },
  { name: 'number', type: 'integer' },
  { name: 'total', type: 'integer' },
];

/** The org's `banks` configuration when set, else the global list (OQ-25: never a name heuristic). */
async function loadBanks(db: Queryable, configured: readonly string[] | undefined): Promise<Bank[]> {
  if (configured) return configured.map((name) => ({ name }));
  const { rows } = await db.query<Bank>(
    `select name, representative_id as "partyKey" from banks order by name_key`,
  );
  return rows;
}

/** Step 5a (§5.6, BR-036/037): dashboard rows (types 0, 1, 18, 20, 30) and their counts per company. */
export const dashboardStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const { config } = data.scope;
  const [verdicts, banks, { rows: lawFirms }] = await Promise.all([
    loadTitleStatuses(pool, { orgId, runId }),
    loadBanks(pool, config.banks),
    pool.query<{ id: string; name: string }>(`select id, name from law_firms order by name_key`),
  ]);
  const metrics = { items: 0, rowsDeleted: 0, rowsInserted: 0 };
  for (const company of data.scope.companies) {
    const companyVerdicts = verdicts.get(company.id) ?? new Map();
    const assets = data.assets.flatMap((asset) => {
      const assessment = companyVerdicts.get(asset.assetId);
      return assessment
        ? [{ asset, assessment, transactions: pick(data, data.assetRfIds.get(asset.assetId)) }]
        : [];
    });
    const { items, counts } = buildDashboard({ assets, lawFirms, banks, config });
    await inOrgTransaction(pool, orgId, async (client) => {
      for (const written of [
        await replaceScope(client, {
          table: 'dashboard_items',
          orgId,
          companyId: company.id,
          columns: ITEM_COLUMNS,
          // An asset's items depend on that asset alone; the counts below cover every asset.
          ...scopeRows(items, {
            column: ITEM_COLUMNS[2]!,
            key: (i) => i.assetId,
            keep: data.changes?.assetIds ?? null,
            toRow: (i) => ({
              entity_id: i.entityId,
              type: i.type,
              asset_id: i.assetId,
              patent: i.patent,
              application: i.application,
              rf_id: i.rfId,
              total: 0,
              lawfirm: i.lawfirm,
              lawfirm_id: i.lawfirmId,
            }),
          }),
        }),
        await replaceScope(client, {
          table: 'dashboard_item_counts',
          orgId,
          companyId: company.id,
          columns: COUNT_COLUMNS,
          rows: counts.map((c) => ({ type: c.type, number: c.number, total: c.total })),
        }),
      ]) {
        metrics.rowsDeleted += written.deleted;
        metrics.rowsInserted += written.inserted;
      }
    });
    metrics.items += items.length;
  }
  return { recordsProcessed: metrics.items, metrics: { companies: data.scope.companies.length, ...metrics } };
};
