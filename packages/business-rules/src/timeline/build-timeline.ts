import {
  DEFAULT_RULES_CONFIG,
  type ConveyType,
  type PartyRole,
  type RulesConfig,
  type TimelineCategory,
} from '@patentrack/shared';
import { companyMatcher } from '../config';
import { earliestExecDate, inTransactionOrder, isEmployeeTransaction } from '../title/order';
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
  const entries: Omit<TimelineEntry, 'sequence'>[] = [];
  const seen = new Set<string>();
  for (const transaction of inTransactionOrder(input.transactions)) {
    const linked = (transaction.documents ?? []).some(
      (document) => document.appnoDate && Number(document.appnoDate.slice(0, 4)) > appYearAfter,
    );
    if (!linked) continue;
    const sides: [PartyRole, readonly (PartyInput & { execDate?: IsoDate | null })[]][] = [];
    if (transaction.assignees.some(company.matches)) sides.push(['assignor', transaction.assignors]);
    if (transaction.assignors.some(company.matches)) sides.push(['assignee', transaction.assignees]);
    const rows: Omit<TimelineEntry, 'sequence'>[] = [];
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
        });
      }
    }
    rows.sort(
      (a, b) =>
        (a.partyRole === b.partyRole ? 0 : a.partyRole === 'assignor' ? -1 : 1) ||
        (a.originalName < b.originalName ? -1 : a.originalName > b.originalName ? 1 : 0),
    );
    entries.push(...rows);
  }
  return entries.map((entry, index) => ({ ...entry, sequence: index + 1 }));
}
