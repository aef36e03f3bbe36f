import { buildTimeline } from '@patentrack/business-rules';
import { inOrgTransaction } from '../db';
import { companyInput, loadOrgData, pick, toColumns } from '../org-data';
import { replaceScope } from '../replace-scope';
import type { StepRunner } from './types';

const COLUMNS = [
  { name: 'rf_id', type: 'varchar(16)' },
  { name: 'reel_no', type: 'integer' },
  { name: 'frame_no', type: 'integer' },
  { name: 'record_dt', type: 'date' },
  { name: 'exec_dt', type: 'date' },
  { name: 'party_role', type: 'party_role' },
  { name: 'original_name', type: 'varchar(500)' },
  { name: 'entity_id', type: 'uuid' },
  { name: 'convey_ty', type: 'varchar(24)' },
  { name: 'employer_assign', type: 'boolean' },
  { name: 'category', type: 'timeline_category' },
  { name: 'sequence', type: 'integer' },
];

/** Step 3b (§5.4): one timeline row per (transaction, counterparty) of each company. */
export const timelineStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const metrics = { entries: 0, rowsDeleted: 0, rowsInserted: 0 };
  for (const company of data.scope.companies) {
    const entries = buildTimeline({
      transactions: pick(data, data.companyRfIds.get(company.id)),
      company: companyInput(company),
      config: data.scope.config,
    });
    const written = await inOrgTransaction(pool, orgId, (client) =>
      replaceScope(client, {
        table: 'timeline_entries',
        orgId,
        companyId: company.id,
        columns: COLUMNS,
        rows: entries.map((e) => {
          const { recordDate, execDate, conveyType, ...rest } = e;
          return { ...toColumns(rest), record_dt: recordDate, exec_dt: execDate, convey_ty: conveyType };
        }),
      }),
    );
    metrics.entries += entries.length;
    metrics.rowsDeleted += written.deleted;
    metrics.rowsInserted += written.inserted;
  }
  return {
    recordsProcessed: metrics.entries,
    metrics: { companies: data.scope.companies.length, ...metrics },
  };
};
