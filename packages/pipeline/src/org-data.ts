import type { CompanyInput } from '@patentrack/business-rules';
import type { Pool } from './db';
import { derivedChanges, type DerivedChanges } from './incremental';
import { loadOrgInputs, loadTransactions, type OrgInputs, type PipelineTransaction } from './inputs';
import type { CompanyScope } from './scope';

/** The inputs of the org-scoped steps plus every transaction of the scope, loaded once per step. */
export interface OrgData extends OrgInputs {
  transactions: Map<string, PipelineTransaction>;
  /** The derived rows this run may change (an incremental run), or null for all of them. */
  changes: DerivedChanges | null;
}

async function readOrgData(pool: Pool, orgId: string, runId: string): Promise<OrgData> {
  const inputs = await loadOrgInputs(pool, orgId);
  const [transactions, changes] = await Promise.all([
    loadTransactions(pool, orgId, inputs.rfIds),
    derivedChanges(pool, { orgId, runId }, inputs),
  ]);
  return { ...inputs, transactions, changes };
}

/** Runs whose post-`flag` inputs this process holds; a run's later steps share one read (oldest evicted). */
const runInputs = new Map<string, Promise<OrgData>>();
const RUNS_CACHED = 2;

/**
 * The inputs of the steps after `flag` (which changes classification and membership). Steps of one run in
 * the same process share one read: the run computes from one consistent snapshot, and new data arriving
 * meanwhile triggers the next run anyway.
 */
export function loadOrgData(pool: Pool, orgId: string, runId: string): Promise<OrgData> {
  const key = `${orgId}:${runId}`;
  let data = runInputs.get(key);
  if (!data) {
    data = readOrgData(pool, orgId, runId);
    data.catch(() => runInputs.delete(key));
    runInputs.set(key, data);
    while (runInputs.size > RUNS_CACHED) runInputs.delete(runInputs.keys().next().value!);
  }
  return data;
}

/** `CompanyInput` of the rules: `K(c)` and the names of the company and its children. */
export const companyInput = (company: CompanyScope): CompanyInput => ({
  companyId: company.id,
  partyKeys: company.partyKeys,
  names: company.names,
});

/** Looks up transactions by id, skipping ids without an active header (e.g. voided records). */
export function pick(data: OrgData, rfIds: readonly string[] | undefined): PipelineTransaction[] {
  const result: PipelineTransaction[] = [];
  for (const rfId of rfIds ?? []) {
    const transaction = data.transactions.get(rfId);
    if (transaction) result.push(transaction);
  }
  return result;
}

/** camelCase keys to the snake_case column names of the derived tables. */
export function toColumns(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  );
}
