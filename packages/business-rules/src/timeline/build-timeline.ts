import {
  DEFAULT_RULES_CONFIG,
  type ConveyType,
  type PartyRole,
  type RulesConfig,
  type TimelineCategory,
} from '@patentrack/shared';
import { companyMatcher } from '../config';
import {
  compareTransactions,
  earliestExecDate,
  inTransactionOrder,
  isEmployeeTransaction,
} from '../title/order';
import type { CompanyInput, IsoDate, PartyInput, TransactionInput } from '../types';

const CATEGORY_BY_TYPE: Partial<Record<ConveyType, TimelineCategory>> = {
  assignment: 'ownership',
  merger: 'ownership',
  partialassignment: 'ownership',
  courtorder: 'ownership',
  security: 'security',
  release: 'security',
  license: 'license',
  licenseend: 'license',
};

/** BR-037…BR-043 timeline input (§5.4; D-19 adds `license`): everything not listed is administrative. */
export function timelineCategory(
  transaction: Pick<TransactionInput, 'conveyType' | 'employerAssign'>,
): TimelineCategory {
  if (isEmployeeTransaction(transaction)) return 'employee';
  return CATEGORY_BY_TYPE[transaction.conveyType] ?? 'administrative';
}

/** One `timeline_entries` row. */
export interface TimelineEntry {
  rfId: string;
  reelNo: number;
  frameNo: number;
  recordDate: IsoDate | null;
  partyRole: PartyRole;
  originalName: string;
  entityId: string;
  execDate: IsoDate | null;
  conveyType: ConveyType;
  employerAssign: boolean;
  category: TimelineCategory;
  sequence: number;
}

export interface BuildTimelineInput {
  /** Transactions of the organization scope; documents carry `appnoDate` for the year filter. */
  transactions: readonly TransactionInput[];
  company: CompanyInput;
  config?: RulesConfig;
}

/**
 * §5.4 timeline (BR-039 year filter on the linked documents): one row per (transaction, counterparty)
 * where c matches a party, sequenced in transaction order, assignors first, then by name.
 */
export function buildTimeline(input: BuildTimelineInput): TimelineEntry[] {
  const { appYearAfter } = (input.config ?? DEFAULT_RULES_CONFIG).filter;
  const company = companyMatcher(input.company);
  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  for (const transaction of inTransactionOrder(input.transactions)) {
    const linked = (transaction.documents ?? []).some(
      (document) => document.appnoDate && Number(document.appnoDate.slice(0, 4)) > appYearAfter,
    );
    if (!linked) continue;
    const sides: [PartyRole, readonly (PartyInput & { execDate?: IsoDate | null })[]][] = [];
    if (transaction.assignees.some(company.matches)) sides.push(['assignor', transaction.assignors]);
    if (transaction.assignors.some(company.matches)) sides.push(['assignee', transaction.assignees]);
    const rows: TimelineEntry[] = [];
    for (const [partyRole, parties] of sides) {
      for (const party of parties) {
        const entityId = party.entityId ?? party.key;
        const naturalKey = `${transaction.rfId}\u0000${partyRole}\u0000${entityId}`;
        if (seen.has(naturalKey)) continue;
        seen.add(naturalKey);
        rows.push({
          rfId: transaction.rfId,
          reelNo: transaction.reelNo,
          frameNo: transaction.frameNo,
          recordDate: transaction.recordDate,
          partyRole,
          originalName: party.originalName ?? party.name,
          entityId,
          execDate: partyRole === 'assignor' ? (party.execDate ?? null) : earliestExecDate(transaction),
          conveyType: transaction.conveyType,
          employerAssign: transaction.employerAssign,
          category: timelineCategory(transaction),
          sequence: 0,
        });
      }
    }
    rows.sort(
      (a, b) =>
        (a.partyRole === b.partyRole ? 0 : a.partyRole === 'assignor' ? -1 : 1) ||
        (a.originalName < b.originalName ? -1 : a.originalName > b.originalName ? 1 : 0),
    );
    for (const row of rows) {
      row.sequence = entries.length + 1;
      entries.push(row);
    }
  }
  return entries;
}

/** An earlier `buildTimeline` result and what changed since, for `patchTimeline`. */
export interface TimelinePatch {
  /** `buildTimeline` of an earlier input with the same company and configuration. */
  entries: readonly TimelineEntry[];
  /** Transactions added, removed or altered since; every other transaction is the same in both inputs. */
  changedRfIds: ReadonlySet<string>;
}

/**
 * `buildTimeline(input)` from an earlier result, in time that follows the change: a transaction's rows depend on
 * that transaction alone, so the unchanged ones keep theirs and the changed ones' rows are built and placed in
 * transaction order; only rows whose `sequence` moves are copied.
 */
export function patchTimeline(input: BuildTimelineInput, patch: TimelinePatch): TimelineEntry[] {
  const current = new Map(input.transactions.map((t) => [t.rfId, t]));
  const kept = patch.entries.filter((e) => !patch.changedRfIds.has(e.rfId) && current.has(e.rfId));
  const added = buildTimeline({
    ...input,
    transactions: input.transactions.filter((t) => patch.changedRfIds.has(t.rfId)),
  });
  const merged: TimelineEntry[] = [];
  let next = 0;
  for (let start = 0; start < added.length;) {
    const transaction = current.get(added[start]!.rfId)!;
    let end = start;
    while (end < added.length && added[end]!.rfId === transaction.rfId) end++;
    // Kept rows are in transaction order: the first one whose transaction comes later is where this one goes.
    let low = next;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareTransactions(current.get(kept[middle]!.rfId)!, transaction) < 0) low = middle + 1;
      else high = middle;
    }
    for (; next < low; next++) merged.push(kept[next]!);
    for (; start < end; start++) merged.push(added[start]!);
  }
  for (; next < kept.length; next++) merged.push(kept[next]!);
  return merged.map((entry, index) =>
    entry.sequence === index + 1 ? entry : { ...entry, sequence: index + 1 },
  );
}
