import {
  ACTIVITY,
  CONVEYANCE_COLORS,
  TREE_TYPES,
  conveyanceTypeInfo,
  type ConveyType,
  type TreeTab,
} from '@patentrack/shared';
import { companyMatcher } from '../config';
import { compareTransactions, inTransactionOrder, isEmployeeTransaction } from '../title/order';
import { parseReleaseRfId } from '../title/release-reference';
import type { CompanyInput, PartyInput, TransactionInput } from '../types';

/** BR-031: the §0.3 colour of a conveyance type; unknown types fall back to red. */
export function conveyanceColor(conveyType: string): string {
  return conveyanceTypeInfo(conveyType)?.color ?? CONVEYANCE_COLORS.ownership;
}

/** Tree types by (conveyance, side c matched): [c is assignee, c is assignor]; null = no node on that side. */
const DIRECTED_TREE_TYPES: Partial<Record<ConveyType, readonly [number | null, number | null]>> = {
  assignment: [1, 2],
  merger: [3, 4],
  security: [5, 6],
  release: [8, 7],
};

/** BR-030 (D-7): administrative types produce a node on the other side, whichever side c is on. */
const ADMINISTRATIVE_TREE_TYPES: Partial<Record<ConveyType, number>> = {
  namechg: 9,
  govern: 10,
  correct: 11,
  missing: 12,
  other: 13,
  partialassignment: 13,
  option: 13,
  courtorder: 13,
  courtappointment: 13,
};

export interface TreeConnection {
  treeType: number;
  /** The counterparties that become nodes. */
  counterparties: readonly PartyInput[];
  /** The company's own parties on the transaction (D-24). */
  ownParties: readonly PartyInput[];
}

/**
 * BR-024…BR-030: the tree connections one transaction gives company c (both directions when c is on
 * both sides); license and licenseend give none.
 */
export function treeConnections(
  transaction: TransactionInput,
  matches: (party: PartyInput) => boolean,
): TreeConnection[] {
  const ownAssignees = transaction.assignees.filter(matches);
  const ownAssignors = transaction.assignors.filter(matches);
  const connections: TreeConnection[] = [];
  const incoming = (treeType: number | null | undefined): void => {
    if (treeType != null && ownAssignees.length > 0) {
      connections.push({
        treeType,
        counterparties: transaction.assignors,
        ownParties: ownAssignees,
      });
    }
  };
  const outgoing = (treeType: number | null | undefined): void => {
    if (treeType != null && ownAssignors.length > 0) {
      connections.push({
        treeType,
        counterparties: transaction.assignees,
        ownParties: ownAssignors,
      });
    }
  };
  if (isEmployeeTransaction(transaction)) {
    incoming(0);
    return connections;
  }
  const directed = DIRECTED_TREE_TYPES[transaction.conveyType];
  const administrative = ADMINISTRATIVE_TREE_TYPES[transaction.conveyType];
  incoming(directed ? directed[0] : administrative);
  outgoing(directed ? directed[1] : administrative);
  return connections;
}

/** One `ownership_tree_nodes` row (flat: `parentId` null, `depth` 0). */
export interface TreeNode {
  entityId: string;
  name: string;
  parentId: null;
  treeType: number;
  treeTab: TreeTab;
  color: string;
  depth: 0;
  transactionRfIds: string[];
}

export interface BuildTreeInput {
  /** Transactions linked to ≥1 document where c matches a party (no year filter). */
  transactions: readonly TransactionInput[];
  company: CompanyInput;
}

const TREE_TYPE_BY_CODE = new Map(TREE_TYPES.map((type) => [type.code, type]));

/** A node's identity (D-7): its tree type and counterparty name. */
const nodeKey = (node: Pick<TreeNode, 'treeType' | 'name'>) => `${node.treeType}\u0000${node.name}`;

const byTypeThenName = (a: TreeNode, b: TreeNode) =>
  a.treeType - b.treeType || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** BR-024…BR-031 (D-7): ownership-tree nodes, deduplicated on (type, name), ordered by type then name. */
export function buildTreeNodes(input: BuildTreeInput): TreeNode[] {
  const company = companyMatcher(input.company);
  const nodes = new Map<string, TreeNode>();
  for (const transaction of inTransactionOrder(input.transactions)) {
    for (const connection of treeConnections(transaction, company.matches)) {
      const treeType = TREE_TYPE_BY_CODE.get(connection.treeType)!;
      for (const party of connection.counterparties) {
        const naturalKey = nodeKey({ treeType: treeType.code, name: party.name });
        const node = nodes.get(naturalKey);
        if (node) {
          // Transactions come one at a time, so a repeat within this one is the list's last entry.
          if (node.transactionRfIds.at(-1) !== transaction.rfId) node.transactionRfIds.push(transaction.rfId);
          continue;
        }
        nodes.set(naturalKey, {
          entityId: party.entityId ?? party.key,
          name: party.name,
          parentId: null,
          treeType: treeType.code,
          treeTab: treeType.tab,
          color: treeType.color,
          depth: 0,
          transactionRfIds: [transaction.rfId],
        });
      }
    }
  }
  return [...nodes.values()].sort(byTypeThenName);
}

/** An earlier `buildTreeNodes` result and what changed since, for `patchTreeNodes`. */
export interface TreePatch {
  /** `buildTreeNodes` of an earlier input with the same company. */
  nodes: readonly TreeNode[];
  /** Transactions added, removed or altered since; every other transaction is the same in both inputs. */
  changedRfIds: ReadonlySet<string>;
}

/**
 * `buildTreeNodes(input)` from an earlier result, in time that follows the change: an unchanged transaction
 * connects to the same nodes as before, so only nodes holding a changed transaction, before or now, are
 * rebuilt — their unchanged transactions kept in order, the changed ones merged in — and the others are kept.
 */
export function patchTreeNodes(input: BuildTreeInput, patch: TreePatch): TreeNode[] {
  const current = new Map(input.transactions.map((t) => [t.rfId, t]));
  const stays = (rfId: string) => !patch.changedRfIds.has(rfId) && current.has(rfId);
  const added = new Map(
    buildTreeNodes({
      ...input,
      transactions: input.transactions.filter((t) => patch.changedRfIds.has(t.rfId)),
    }).map((node) => [nodeKey(node), node]),
  );
  const before = (a: string, b: string) => compareTransactions(current.get(a)!, current.get(b)!) < 0;
  const nodes: TreeNode[] = [];
  for (const node of patch.nodes) {
    const fresh = added.get(nodeKey(node));
    added.delete(nodeKey(node));
    if (!fresh && node.transactionRfIds.every(stays)) {
      nodes.push(node);
      continue;
    }
    const kept = node.transactionRfIds.filter(stays);
    const merged: string[] = [];
    const incoming = fresh?.transactionRfIds ?? [];
    let k = 0;
    for (const rfId of incoming) {
      while (k < kept.length && before(kept[k]!, rfId)) merged.push(kept[k++]!);
      merged.push(rfId);
    }
    merged.push(...kept.slice(k));
    if (merged.length === 0) continue;
    // The node takes its entity from the counterparty of its first transaction.
    const first = merged[0]!;
    const entityId =
      first === incoming[0]
        ? fresh!.entityId
        : first === node.transactionRfIds[0]
          ? node.entityId
          : buildTreeNodes({ ...input, transactions: [current.get(first)!] }).find(
              (n) => nodeKey(n) === nodeKey(node),
            )!.entityId;
    nodes.push({ ...node, entityId, transactionRfIds: merged });
  }
  nodes.push(...added.values());
  return nodes.sort(byTypeThenName);
}

/** One `company_transaction_activities` row: (company, rf_id, counterparty). */
export interface TransactionActivity {
  rfId: string;
  partyEntityId: string;
  activityId: number;
  recordedEntityId: string | null;
  releaseRfId: string | null;
}

/** BR-038 (§5.7 provisional activity seed, OQ-1): security 5, release 6, employee 10, licenses 114, else 100 + tree type. */
export function activityIdFor(conveyType: ConveyType, treeType: number): number {
  if (treeType === 0) return ACTIVITY.employee;
  if (conveyType === 'security') return ACTIVITY.security;
  if (conveyType === 'release') return ACTIVITY.release;
  return ACTIVITY.treeTypeBase + treeType;
}

/**
 * §5.3 output 2 (BR-038 input): one activity row per (transaction, counterparty) of company c.
 * Licenses have no tree node but still are activities (code 114).
 */
export function buildTransactionActivities(input: BuildTreeInput): TransactionActivity[] {
  const company = companyMatcher(input.company);
  const rows = new Map<string, TransactionActivity>();
  const add = (
    transaction: TransactionInput,
    activityId: number,
    counterparties: readonly PartyInput[],
    own: readonly PartyInput[],
  ): void => {
    const recorded = own[0];
    for (const party of counterparties) {
      const partyEntityId = party.entityId ?? party.key;
      const naturalKey = `${transaction.rfId}\u0000${partyEntityId}`;
      if (rows.has(naturalKey)) continue;
      rows.set(naturalKey, {
        rfId: transaction.rfId,
        partyEntityId,
        activityId,
        recordedEntityId: recorded ? (recorded.entityId ?? recorded.key) : null,
        releaseRfId:
          transaction.conveyType === 'release'
            ? (transaction.releaseRfId ?? parseReleaseRfId(transaction.conveyText))
            : null,
      });
    }
  };
  for (const transaction of inTransactionOrder(input.transactions)) {
    if (
      !isEmployeeTransaction(transaction) &&
      (transaction.conveyType === 'license' || transaction.conveyType === 'licenseend')
    ) {
      const ownAssignees = transaction.assignees.filter(company.matches);
      const ownAssignors = transaction.assignors.filter(company.matches);
      if (ownAssignees.length > 0) add(transaction, ACTIVITY.license, transaction.assignors, ownAssignees);
      if (ownAssignors.length > 0) add(transaction, ACTIVITY.license, transaction.assignees, ownAssignors);
      continue;
    }
    for (const connection of treeConnections(transaction, company.matches)) {
      add(
        transaction,
        activityIdFor(transaction.conveyType, connection.treeType),
        connection.counterparties,
        connection.ownParties,
      );
    }
  }
  return [...rows.values()];
}
