import type { CompanyInput } from '@patentrack/business-rules';
import type { Pool } from './db';
import { loadOrgInputs, loadTransactions, type OrgInputs, type PipelineTransaction } from './inputs';
import type { CompanyScope } from './scope';

/** The inputs of the org-scoped steps plus every transaction of the scope, loaded once per step. */
export interface OrgData extends OrgInputs {
  transactions: Map<string, PipelineTransaction>;
}

export async function loadOrgData(pool: Pool, orgId: string): Promise<OrgData> {
  const inputs = await loadOrgInputs(pool, orgId);
  const transactions = await loadTransactions(pool, orgId, inputs.rfIds);
  return { ...inputs, transactions };
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
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
}
