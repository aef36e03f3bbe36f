import { buildTimeline, patchTimeline, type TimelineEntry } from '@patentrack/business-rules';
import { inOrgTransaction, type Queryable } from '../db';
import { companyInput, loadOrgData, perCompany, pick, type OrgData } from '../org-data';
import { replaceScope, scopeRows } from '../replace-scope';
import { RunMemo, type RunMemoOptions } from '../run-memo';
import type { RunRef } from '../runs';
import type { CompanyScope } from '../scope';
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
const RF_ID = COLUMNS[0]!;

/**
 * The transactions whose timeline rows an incremental run rewrites: the changed ones, and every one from the
 * first position a changed transaction takes (now or as stored) onwards, because `sequence` shifts behind it.
 * Before that position both sequences hold the same unchanged transactions in the same order.
 */
async function rewrittenTransactions(
  db: Queryable,
  scope: { orgId: string; companyId: string },
  entries: readonly TimelineEntry[],
  changed: ReadonlySet<string>,
): Promise<Set<string>> {
  const rewritten = new Set(changed);
  const firstNew = entries.find((e) => changed.has(e.rfId))?.sequence ?? Infinity;
  // Two plain statements: as one, the planner re-evaluated the minimum for every row of the scope.
  const { rows: stored } = await db.query<{ first: number | null }>(
    `select min(sequence) as first from timeline_entries
      where organization_id = $1 and company_id = $2 and rf_id = any($3::varchar[])`,
    [scope.orgId, scope.companyId, [...changed]],
  );
  const firstShifted = Math.min(firstNew, stored[0]?.first ?? Infinity);
  if (firstShifted === Infinity) return rewritten;
  const { rows } = await db.query<{ rf_id: string }>(
    `select distinct rf_id from timeline_entries
      where organization_id = $1 and company_id = $2 and sequence >= $3`,
    [scope.orgId, scope.companyId, firstShifted],
  );
  for (const row of rows) rewritten.add(row.rf_id);
  for (const e of entries) if (e.sequence >= firstShifted) rewritten.add(e.rfId);
  return rewritten;
}

/** Each run's timeline per company: the organization's next run in this process patches it. */
const runTimelines = new RunMemo<Map<string, TimelineEntry[]>>();

/** The run's timeline of each company, patched from the previous run's when this process holds it. */
export function companyTimelines(data: OrgData, run: RunRef, options?: RunMemoOptions) {
  const input = (company: CompanyScope) => ({
    transactions: pick(data, data.companyRfIds.get(company.id)),
    company: companyInput(company),
    config: data.scope.config,
  });
  return perCompany(
    runTimelines,
    data,
    run,
    {
      build: (company) => buildTimeline(input(company)),
      patch: (company, entries, changedRfIds) => patchTimeline(input(company), { entries, changedRfIds }),
    },
    options,
  );
}

/**
 * Step 3b (§5.4): one timeline row per (transaction, counterparty) of each company. An incremental run whose
 * predecessor ran here patches that run's timeline with its changed transactions instead of rebuilding it.
 */
export const timelineStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const { byCompany: timelines, patched } = await companyTimelines(data, { orgId, runId });
  const metrics = { entries: 0, patched: patched ? 1 : 0, rowsDeleted: 0, rowsInserted: 0 };
  for (const company of data.scope.companies) {
    const entries = timelines.get(company.id)!;
    const written = await inOrgTransaction(pool, orgId, async (client) =>
      replaceScope(client, {
        table: 'timeline_entries',
        orgId,
        companyId: company.id,
        columns: COLUMNS,
        ...scopeRows(entries, {
          column: RF_ID,
          key: (e) => e.rfId,
          keep:
            data.changes &&
            (await rewrittenTransactions(
              client,
              { orgId, companyId: company.id },
              entries,
              data.changes.rfIds,
            )),
          toRow: (e) => ({
            rf_id: e.rfId,
            reel_no: e.reelNo,
            frame_no: e.frameNo,
            record_dt: e.recordDate,
            exec_dt: e.execDate,
            party_role: e.partyRole,
            original_name: e.originalName,
            entity_id: e.entityId,
            convey_ty: e.conveyType,
            employer_assign: e.employerAssign,
            category: e.category,
            sequence: e.sequence,
          }),
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
