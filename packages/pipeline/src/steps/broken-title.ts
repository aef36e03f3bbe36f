import { assessTitle, isEligibleAsset } from '@patentrack/business-rules';
import { inOrgTransaction } from '../db';
import { companyInput, loadOrgData, pick } from '../org-data';
import { replaceScope, scopeRows } from '../replace-scope';
import type { StepRunner } from './types';

const COLUMNS = [
  { name: 'asset_id', type: 'uuid' },
  { name: 'appno_doc_num', type: 'varchar(12)' },
  { name: 'grant_doc_num', type: 'varchar(12)' },
  { name: 'status', type: 'title_status' },
  { name: 'reason', type: 'title_break_reason' },
  { name: 'break_rf_id', type: 'varchar(16)' },
  { name: 'expected_holder_keys', type: 'uuid[]' },
  { name: 'actual_assignor_keys', type: 'uuid[]' },
  { name: 'final_holder_keys', type: 'uuid[]' },
  { name: 'has_employee_start', type: 'boolean' },
  { name: 'employee_link_count', type: 'integer' },
  { name: 'chain_rf_ids', type: 'text[]' },
  { name: 'encumbered', type: 'boolean' },
  { name: 'open_security_rf_ids', type: 'text[]' },
  { name: 'display_status', type: 'varchar(20)' },
];

/**
 * Step 4 (§5.5, BR-032…036): chain-of-title and encumbrance verdict of each company's eligible assets. A verdict
 * depends on its asset's `T(a)` alone, so an incremental run assesses only the assets its changes reach.
 */
export const brokenTitleStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const { config } = data.scope;
  const metrics = { assets: 0, broken: 0, divested: 0, encumbered: 0, rowsDeleted: 0, rowsInserted: 0 };
  for (const company of data.scope.companies) {
    const assets = data.assets.filter(
      (a) => a.companyIds.includes(company.id) && isEligibleAsset(a, config.filter),
    );
    const { rows, restrictTo } = scopeRows(assets, {
      column: COLUMNS[0]!,
      key: (asset) => asset.assetId,
      keep: data.changes?.assetIds ?? null,
      toRow: (asset) => {
        const verdict = assessTitle({
          transactions: pick(data, data.assetRfIds.get(asset.assetId)),
          company: companyInput(company),
          config,
        });
        if (verdict.status === 'broken') metrics.broken++;
        if (verdict.status === 'divested') metrics.divested++;
        if (verdict.encumbered) metrics.encumbered++;
        return {
          asset_id: asset.assetId,
          appno_doc_num: asset.appnoDocNum,
          grant_doc_num: asset.grantDocNum,
          status: verdict.status,
          reason: verdict.reason,
          break_rf_id: verdict.breakRfId,
          expected_holder_keys: verdict.expectedHolderKeys,
          actual_assignor_keys: verdict.actualAssignorKeys,
          final_holder_keys: verdict.finalHolderKeys,
          has_employee_start: verdict.hasEmployeeStart,
          employee_link_count: verdict.employeeLinkCount,
          chain_rf_ids: verdict.chainRfIds,
          encumbered: verdict.encumbered,
          open_security_rf_ids: verdict.openSecurityRfIds,
          display_status: verdict.displayStatus,
        };
      },
    });
    const written = await inOrgTransaction(pool, orgId, (client) =>
      replaceScope(client, {
        table: 'asset_title_status',
        orgId,
        companyId: company.id,
        columns: COLUMNS,
        rows,
        restrictTo,
      }),
    );
    metrics.assets += rows.length;
    metrics.rowsDeleted += written.deleted;
    metrics.rowsInserted += written.inserted;
  }
  return {
    recordsProcessed: metrics.assets,
    metrics: { companies: data.scope.companies.length, ...metrics },
  };
};
