import { buildTransactionActivities, buildTreeNodes, type TreeNode } from '@patentrack/business-rules';
import { inOrgTransaction, type Queryable } from '../db';
import { companyInput, loadOrgData, pick } from '../org-data';
import { replaceScope, scopeRows } from '../replace-scope';
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
const NODE_NAME = NODE_COLUMNS[1]!;
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

/**
 * Step 3a (§5.3, BR-024…031): ownership-tree nodes and transaction activities of each company, from the
 * transactions where the company is a party and that name at least one document.
 */
export const treeStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const metrics = { nodes: 0, activities: 0, rowsDeleted: 0, rowsInserted: 0 };
  for (const company of data.scope.companies) {
    const transactions = pick(data, data.companyRfIds.get(company.id)).filter((t) => t.documents.length > 0);
    const input = { transactions, company: companyInput(company) };
    const nodes = buildTreeNodes(input);
    const activities = buildTransactionActivities(input);
    await inOrgTransaction(pool, orgId, async (client) => {
      const written = [
        await replaceScope(client, {
          table: 'ownership_tree_nodes',
          orgId,
          companyId: company.id,
          columns: NODE_COLUMNS,
          ...scopeRows(
            nodes.map((n) => ({
              entity_id: n.entityId,
              name: n.name,
              tree_type: n.treeType,
              tree_tab: n.treeTab,
              color: n.color,
              depth: n.depth,
              transaction_rf_ids: n.transactionRfIds,
            })),
            NODE_NAME,
            data.changes &&
              (await rewrittenNodeNames(client, { orgId, companyId: company.id }, nodes, data.changes.rfIds)),
          ),
        }),
        await replaceScope(client, {
          table: 'company_transaction_activities',
          orgId,
          companyId: company.id,
          columns: ACTIVITY_COLUMNS,
          // One transaction's activity rows depend on that transaction alone.
          ...scopeRows(
            activities.map((a) => ({
              rf_id: a.rfId,
              party_entity_id: a.partyEntityId,
              activity_id: a.activityId,
              recorded_entity_id: a.recordedEntityId,
              release_rf_id: a.releaseRfId,
            })),
            ACTIVITY_COLUMNS[0]!,
            data.changes?.rfIds ?? null,
          ),
        }),
      ];
      for (const w of written) {
        metrics.rowsDeleted += w.deleted;
        metrics.rowsInserted += w.inserted;
      }
    });
    metrics.nodes += nodes.length;
    metrics.activities += activities.length;
  }
  return {
    recordsProcessed: metrics.nodes + metrics.activities,
    metrics: { companies: data.scope.companies.length, patchedInputs: data.patched ? 1 : 0, ...metrics },
  };
};
