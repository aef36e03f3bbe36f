import type { CompanyInput } from '@patentrack/business-rules';
import type { Pool } from './db';
import {
  derivedChanges,
  incrementalChanges,
  type DerivedChanges,
  type IncrementalChanges,
} from './incremental';
import {
  loadAssetTransactionIds,
  loadCompanyTransactionIds,
  loadOrgInputs,
  loadOrgAssets,
  loadTransactions,
  scopeTransactionIds,
  type OrgInputs,
  type PipelineTransaction,
} from './inputs';
import { RunMemo, type RunMemoOptions } from './run-memo';
import { loadOrgScope, type CompanyScope, type OrgScope } from './scope';

/** The inputs of the org-scoped steps plus every transaction of the scope, loaded once per step. */
export interface OrgData extends OrgInputs {
  transactions: Map<string, PipelineTransaction>;
  /** The derived rows this run may change (an incremental run), or null for all of them. */
  changes: DerivedChanges | null;
  /** Whether the inputs were patched from the previous run's rather than read whole. */
  patched: boolean;
}

type LoadedInputs = Omit<OrgData, 'changes' | 'patched'>;

async function loadAll(pool: Pool, orgId: string, scope: OrgScope): Promise<LoadedInputs> {
  const inputs = await loadOrgInputs(pool, orgId, scope);
  return { ...inputs, transactions: await loadTransactions(pool, orgId, inputs.rfIds) };
}

/**
 * The previous run's inputs brought up to date with an incremental run's changes, reading only what they touch:
 * `T(a)` of assets that are new, renumbered or named by a changed document (a new transaction naming an asset is a
 * change, and so is a number a re-recorded one stopped naming), the company parties of changed transactions, and
 * the changed and newly needed transactions. Everything else is exactly what a full read would return.
 */
async function patchInputs(
  pool: Pool,
  scope: OrgScope,
  previous: LoadedInputs,
  changes: IncrementalChanges,
): Promise<LoadedInputs> {
  const assets = await loadOrgAssets(pool, scope.orgId);
  const touchedNumbers = new Set([...changes.appnos, ...changes.grants]);
  const before = new Map(previous.assets.map((asset) => [asset.assetId, asset]));
  const stale = assets.filter((asset) => {
    const old = before.get(asset.assetId);
    return (
      !old ||
      old.appnoDocNum !== asset.appnoDocNum ||
      old.grantDocNum !== asset.grantDocNum ||
      touchedNumbers.has(asset.appnoDocNum ?? '') ||
      touchedNumbers.has(asset.grantDocNum ?? '')
    );
  });
  const fresh = await loadAssetTransactionIds(pool, stale);
  const assetRfIds = new Map(
    assets.map((asset) => [
      asset.assetId,
      fresh.get(asset.assetId) ?? previous.assetRfIds.get(asset.assetId)!,
    ]),
  );
  const changed = new Set(changes.rfIds);
  const freshParties = await loadCompanyTransactionIds(pool, scope, changes.rfIds);
  const companyRfIds = new Map(
    scope.companies.map((company) => {
      const ids = (previous.companyRfIds.get(company.id) ?? []).filter((rfId) => !changed.has(rfId));
      return [company.id, [...ids, ...(freshParties.get(company.id) ?? [])].sort()];
    }),
  );
  const rfIds = scopeTransactionIds(assetRfIds, companyRfIds);
  const reloaded = await loadTransactions(
    pool,
    scope.orgId,
    rfIds.filter((rfId) => changed.has(rfId) || !previous.transactions.has(rfId)),
  );
  const transactions = new Map<string, PipelineTransaction>();
  for (const rfId of rfIds) {
    const transaction = changed.has(rfId)
      ? reloaded.get(rfId)
      : (reloaded.get(rfId) ?? previous.transactions.get(rfId));
    if (transaction) transactions.set(rfId, transaction);
  }
  return { scope, assets, assetRfIds, companyRfIds, rfIds, transactions };
}

async function readOrgData(pool: Pool, orgId: string, runId: string): Promise<OrgData> {
  const run = { orgId, runId };
  const scope = await loadOrgScope(pool, orgId);
  const changes = await incrementalChanges(pool, run, scope);
  // An incremental run starts from its predecessor's inputs when this process still holds them and the
  // organization's companies and configuration are the same.
  const previous = changes ? await runInputs.peek(orgId, changes.sinceRunId) : undefined;
  const patched = !!changes && !!previous && JSON.stringify(previous.scope) === JSON.stringify(scope);
  const inputs = patched
    ? await patchInputs(pool, scope, previous!, changes!)
    : await loadAll(pool, orgId, scope);
  return { ...inputs, changes: await derivedChanges(pool, run, inputs, changes), patched };
}

/** Runs whose post-`flag` inputs this process holds: a run's later steps share one read, the next run patches it. */
const runInputs = new RunMemo<OrgData>();

/**
 * The inputs of the steps after `flag` (which changes classification and membership). Steps of one run in
 * the same process share one read: the run computes from one consistent snapshot, and new data arriving
 * meanwhile triggers the next run anyway.
 */
export function loadOrgData(
  pool: Pool,
  orgId: string,
  runId: string,
  options?: RunMemoOptions,
): Promise<OrgData> {
  return runInputs.get(orgId, runId, () => readOrgData(pool, orgId, runId), options);
}

/**
 * A step's result per company, held for the organization's next run: patched from the previous run's result when
 * this process holds it and this run's inputs were patched from that run's too (same companies and configuration),
 * else built whole.
 */
export async function perCompany<T>(
  memo: RunMemo<Map<string, T>>,
  data: OrgData,
  run: { orgId: string; runId: string },
  derive: {
    build: (company: CompanyScope) => T;
    patch: (company: CompanyScope, earlier: T, changedRfIds: ReadonlySet<string>) => T;
  },
  options?: RunMemoOptions,
): Promise<{ byCompany: Map<string, T>; patched: boolean }> {
  const { changes } = data;
  const previous = changes && data.patched ? await memo.peek(run.orgId, changes.sinceRunId) : undefined;
  const byCompany = await memo.get(
    run.orgId,
    run.runId,
    async () => {
      const result = new Map<string, T>();
      for (const company of data.scope.companies) {
        const earlier = previous?.get(company.id);
        result.set(
          company.id,
          earlier !== undefined && changes
            ? derive.patch(company, earlier, changes.rfIds)
            : derive.build(company),
        );
      }
      return result;
    },
    options,
  );
  return { byCompany, patched: previous !== undefined };
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
