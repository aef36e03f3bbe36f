import {
  buildTransactionActivities,
  buildTreeNodes,
  patchTreeNodes,
  type BuildTreeInput,
  type TreeNode,
} from '@patentrack/business-rules';
import { inOrgTransaction, type Queryable } from '../db';
import { companyInput, loadOrgData, perCompany, pick, type OrgData } from '../org-data';
import { replaceScope, scopeRows } from '../replace-scope';
import { RunMemo, type RunMemoOptions } from '../run-memo';
import type { RunRef } from '../runs';
import type { StepRunner } from './types';

const NODE_COLUMNS = [
  { name: 'entity_id', type: 'uuid' },
  { name: 'name', type: 'varchar(500)' },
  { name: 'tree_type', type: 'smallint' },
  { name: 'tree_tab', type: 'smallint' },
  { name: 'color', type: 'char(7)' },
  { name: 'depth', type: 'smallint' },
  { name: 'transaction_rf_ids', type: 'text[]' },
];
const ACTIVITY_COLUMNS = [
  { name: 'rf_id', type: 'varchar(16)' },
  { name: 'party_entity_id', type: 'uuid' },
  { name: 'activity_id', type: 'smallint' },
  { name: 'recorded_entity_id', type: 'uuid' },
  { name: 'release_rf_id', type: 'varchar(16)' },
];

/**
 * Names of the nodes an incremental run rewrites: a node (type, name) holding no changed transaction, now or as
 * stored, is built from the same unchanged transactions in the same order, so it is unchanged.
 */
async function rewrittenNodeNames(
  db: Queryable,
  scope: { orgId: string; companyId: string },
  nodes: readonly TreeNode[],
  changed: ReadonlySet<string>,
): Promise<Set<string>> {
  // Every stored node's transactions have stored activity rows (both come from the same connections), and the
  // activities are keyed by transaction: only the changed transactions found there can sit in stored nodes, and
  // new transactions, the usual change, in none — so the scan of the nodes' transaction lists is mostly skipped.
  const { rows: stored } = await db.query<{ rf_id: string }>(
    `select distinct rf_id from company_transaction_activities
      where organization_id = $1 and company_id = $2 and rf_id = any($3::varchar[])`,
    [scope.orgId, scope.companyId, [...changed]],
  );
  const { rows } =
    stored.length === 0
      ? { rows: [] }
      : await db.query<{ name: string }>(
          `select distinct name from ownership_tree_nodes
            where organization_id = $1 and company_id = $2 and transaction_rf_ids && $3::text[]`,
          [scope.orgId, scope.companyId, stored.map((r) => r.rf_id)],
        );
  const names = new Set(rows.map((r) => r.name));
  for (const node of nodes) if (node.transactionRfIds.some((rfId) => changed.has(rfId))) names.add(node.name);
  return names;
}

/** Each run's tree nodes per company: the organization's next run in this process patches them. */
const runTrees = new RunMemo<Map<string, TreeNode[]>>();

/** The transactions a company's tree is built from: those where it is a party that name a document. */
const treeInputs = (data: OrgData) =>
  new Map<string, BuildTreeInput>(
    data.scope.companies.map((company) => [
      company.id,
      {
        transactions: pick(data, data.companyRfIds.get(company.id)).filter((t) => t.documents.length > 0),
        company: companyInput(company),
      },
    ]),
  );

/**
 * The run's tree nodes of each company, patched from the previous run's when this process holds them; `inputs`
 * when the caller has built them already.
 */
export function companyTrees(
  data: OrgData,
  run: RunRef,
  { inputs = treeInputs(data), ...options }: RunMemoOptions & { inputs?: Map<string, BuildTreeInput> } = {},
) {
  return perCompany(
    runTrees,
    data,
    run,
    {
      build: (company) => buildTreeNodes(inputs.get(company.id)!),
      patch: (company, nodes, changedRfIds) =>
        patchTreeNodes(inputs.get(company.id)!, { nodes, changedRfIds }),
    },
    options,
  );
}

/**
 * Step 3a (§5.3, BR-024…031): ownership-tree nodes and transaction activities of each company, from the
 * transactions where the company is a party and that name at least one document. An incremental run whose
 * predecessor ran here patches that run's nodes with its changed transactions, and builds only their activities.
 */
export const treeStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const changed = data.changes?.rfIds ?? null;
  const inputs = treeInputs(data);
  const { byCompany: trees, patched } = await companyTrees(data, { orgId, runId }, { inputs });
  const metrics = { nodes: 0, activities: 0, patched: patched ? 1 : 0, rowsDeleted: 0, rowsInserted: 0 };
  for (const company of data.scope.companies) {
    const scope = { orgId, companyId: company.id };
    const input = inputs.get(company.id)!;
    const nodes = trees.get(company.id)!;
    await inOrgTransaction(pool, orgId, async (client) => {
      const names = changed && (await rewrittenNodeNames(client, scope, nodes, changed));
      // One transaction's activity rows depend on that transaction alone.
      const activities = buildTransactionActivities(
        changed ? { ...input, transactions: input.transactions.filter((t) => changed.has(t.rfId)) } : input,
      );
      const written = [
        await replaceScope(client, {
          table: 'ownership_tree_nodes',
          ...scope,
          columns: NODE_COLUMNS,
          ...scopeRows(nodes, {
            column: NODE_COLUMNS[1]!,
            key: (n) => n.name,
            keep: names,
            toRow: (n) => ({
              entity_id: n.entityId,
              name: n.name,
              tree_type: n.treeType,
              tree_tab: n.treeTab,
              color: n.color,
              depth: n.depth,
              transaction_rf_ids: n.transactionRfIds,
            }),
          }),
        }),
        await replaceScope(client, {
          table: 'company_transaction_activities',
          ...scope,
          columns: ACTIVITY_COLUMNS,
          ...scopeRows(activities, {
            column: ACTIVITY_COLUMNS[0]!,
            key: (a) => a.rfId,
            keep: changed,
            toRow: (a) => ({
              rf_id: a.rfId,
              party_entity_id: a.partyEntityId,
              activity_id: a.activityId,
              recorded_entity_id: a.recordedEntityId,
              release_rf_id: a.releaseRfId,
            }),
          }),
        }),
      ];
      for (const w of written) {
        metrics.rowsDeleted += w.deleted;
        metrics.rowsInserted += w.inserted;
      }
      metrics.nodes += nodes.length;
      metrics.activities += activities.length;
    });
  }
  return {
    recordsProcessed: metrics.nodes + metrics.activities,
    metrics: { companies: data.scope.companies.length, patchedInputs: data.patched ? 1 : 0, ...metrics },
  };
};
