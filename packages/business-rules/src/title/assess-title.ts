import {
  DEFAULT_RULES_CONFIG,
  type DisplayStatus,
  type RulesConfig,
  type TitleReason,
  type TitleStatus,
} from '@patentrack/shared';
import { companyMatcher, type CompanyMatcher } from '../config';
import type { AssigneeInput, CompanyInput, TransactionInput } from '../types';
import { inTransactionOrder, isEmployeeTransaction, partyKeys, txDate } from './order';
import { parseReleaseRfId } from './release-reference';

export interface AssessTitleInput {
  /** `T(a)`: every transaction recorded against the asset, in any order. */
  transactions: readonly TransactionInput[];
  company: CompanyInput;
  config?: RulesConfig;
}

/** One `asset_title_status` row (without org/company/asset ids and timestamps). */
export interface TitleAssessment {
  status: TitleStatus;
  reason: TitleReason | null;
  breakRfId: string | null;
  expectedHolderKeys: string[];
  actualAssignorKeys: string[];
  hasEmployeeStart: boolean;
  employeeLinkCount: number;
  finalHolderKeys: string[];
  chainRfIds: string[];
  encumbered: boolean;
  openSecurityRfIds: string[];
  displayStatus: DisplayStatus;
}

interface ChainWalk {
  breakRfId: string | null;
  expectedHolderKeys: string[];
  actualAssignorKeys: string[];
  employeeLinkCount: number;
  finalHolderKeys: string[];
  chainRfIds: string[];
  companyEverHeld: boolean;
  companyHoldsAtEnd: boolean;
}

const sortedKeys = (keys: Iterable<string>): string[] => [...new Set(keys)].sort();

/** BR-033 (§4.1 step 1, D-2): employer-flagged or a configured link type; every other type is neutral. */
export function isChainLink(transaction: TransactionInput, linkTypes: readonly string[]): boolean {
  return isEmployeeTransaction(transaction) || linkTypes.includes(transaction.conveyType);
}

const sameKeySet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((key) => b.includes(key));

/** §4.1 step 2 (D-4): walk full party sets, skip exact re-recordings, break when no assignor holds title. */
function walkChain(links: readonly TransactionInput[], company: CompanyMatcher): ChainWalk {
  let holder = new Map<string, AssigneeInput>();
  let employeeLinkCount = 0;
  let companyEverHeld = false;
  let prev: { assignorKeys: string[]; assigneeKeys: string[] } | null = null;
  const chainRfIds: string[] = [];
  for (const link of links) {
    const assignorKeys = partyKeys(link.assignors);
    const assigneeKeys = partyKeys(link.assignees);
    if (prev && sameKeySet(assignorKeys, prev.assignorKeys) && sameKeySet(assigneeKeys, prev.assigneeKeys))
      continue;
    if (isEmployeeTransaction(link)) {
      if (assignorKeys.length > 0) employeeLinkCount++;
      holder = new Map(link.assignees.map((party) => [party.key, party]));
    } else {
      if (holder.size > 0 && !assignorKeys.some((key) => holder.has(key))) {
        return {
          breakRfId: link.rfId,
          expectedHolderKeys: sortedKeys(holder.keys()),
          actualAssignorKeys: sortedKeys(assignorKeys),
          employeeLinkCount,
          finalHolderKeys: sortedKeys(holder.keys()),
          chainRfIds,
          companyEverHeld,
          companyHoldsAtEnd: false,
        };
      }
      const next =
        link.conveyType === 'partialassignment' ? new Map(holder) : new Map<string, AssigneeInput>();
      for (const party of link.assignees) next.set(party.key, party);
      holder = next;
    }
    if ([...holder.values()].some((party) => company.matches(party))) companyEverHeld = true;
    chainRfIds.push(link.rfId);
    prev = { assignorKeys, assigneeKeys };
  }
  return {
    breakRfId: null,
    expectedHolderKeys: [],
    actualAssignorKeys: [],
    employeeLinkCount,
    finalHolderKeys: sortedKeys(holder.keys()),
    chainRfIds,
    companyEverHeld,
    companyHoldsAtEnd: [...holder.values()].some((party) => company.matches(party)),
  };
}

/**
 * Legacy walk (§4.3, parity only): assignor × assignee pairs; a pair counts only when its rf_id,
 * assignor and assignee all differ from the last processed pair.
 */
function walkLegacyPairs(links: readonly TransactionInput[], company: CompanyMatcher): ChainWalk {
  let last: { rfId: string; assignor: string | null; assignee: string } | null = null;
  let previousAssignee: AssigneeInput | null = null;
  let employeeLinkCount = 0;
  let companyEverHeld = false;
  const chainRfIds: string[] = [];
  for (const link of links) {
    const assignors = link.assignors.length > 0 ? link.assignors.map((party) => party.key) : [null];
    for (const assignor of assignors) {
      for (const assignee of link.assignees) {
        if (last && (last.rfId === link.rfId || last.assignor === assignor || last.assignee === assignee.key))
          continue;
        if (isEmployeeTransaction(link)) {
          if (assignor !== null) employeeLinkCount++;
        } else if (previousAssignee && previousAssignee.key !== assignor) {
          return {
            breakRfId: link.rfId,
            expectedHolderKeys: [previousAssignee.key],
            actualAssignorKeys: assignor === null ? [] : [assignor],
            employeeLinkCount,
            finalHolderKeys: [previousAssignee.key],
            chainRfIds,
            companyEverHeld,
            companyHoldsAtEnd: false,
          };
        }
        previousAssignee = assignee;
        if (company.matches(assignee)) companyEverHeld = true;
        if (!chainRfIds.includes(link.rfId)) chainRfIds.push(link.rfId);
        last = { rfId: link.rfId, assignor, assignee: assignee.key };
      }
    }
  }
  return {
    breakRfId: null,
    expectedHolderKeys: [],
    actualAssignorKeys: [],
    employeeLinkCount,
    finalHolderKeys: previousAssignee ? [previousAssignee.key] : [],
    chainRfIds,
    companyEverHeld,
    companyHoldsAtEnd: previousAssignee !== null && company.matches(previousAssignee),
  };
}

/**
 * BR-032…BR-036 encumbrance (§4.1 step 4, D-6): securities stay open unless superseded by a later security granted by their
 * secured party, or released (explicit `release_rf_id`, or a same-day-or-later release by the secured party).
 */
export function openSecurities(transactions: readonly TransactionInput[]): string[] {
  const ordered = inTransactionOrder(
    transactions.filter((t) => t.conveyType === 'security' || t.conveyType === 'release'),
  );
  const explicitlyReleased = new Set<string>();
  for (const t of ordered) {
    if (t.conveyType !== 'release') continue;
    const named = t.releaseRfId ?? parseReleaseRfId(t.conveyText);
    if (named) explicitlyReleased.add(named);
  }
  // On the same txDate a security is considered before a release, since `txDate(r) ≥ txDate(s)` admits it.
  const events = ordered
    .map((t, position) => ({ t, position, date: txDate(t) ?? '\uffff' }))
    .sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        (a.t.conveyType === b.t.conveyType
          ? a.position - b.position
          : a.t.conveyType === 'security'
            ? -1
            : 1),
    );
  const open: TransactionInput[] = [];
  for (const { t } of events) {
    const assignorKeys = new Set(partyKeys(t.assignors));
    const securedBy = (security: TransactionInput): boolean =>
      security.assignees.some((party) => assignorKeys.has(party.key));
    if (t.conveyType === 'security') {
      if (explicitlyReleased.has(t.rfId)) continue;
      for (let i = open.length - 1; i >= 0; i--) if (securedBy(open[i]!)) open.splice(i, 1);
      open.push(t);
    } else {
      for (let i = open.length - 1; i >= 0; i--) if (securedBy(open[i]!)) open.splice(i, 1);
    }
  }
  return ordered.filter((t) => open.includes(t)).map((t) => t.rfId);
}

/**
 * BR-032…BR-036 (D-2…D-6, D-28): chain-of-title verdict and encumbrance of one asset for one company.
 * Deterministic and independent of the input order.
 */
export function assessTitle(input: AssessTitleInput): TitleAssessment {
  const config = input.config ?? DEFAULT_RULES_CONFIG;
  const company = companyMatcher(input.company);
  const ordered = inTransactionOrder(input.transactions);
  const links = ordered.filter((t) => isChainLink(t, config.chain.linkTypes));
  const walk = config.chain.fullPartySets ? walkChain(links, company) : walkLegacyPairs(links, company);

  let status: TitleStatus = 'complete';
  let reason: TitleReason | null = null;
  if (walk.breakRfId !== null) {
    status = 'broken';
    reason = 'chain_gap';
  } else if (walk.employeeLinkCount === 0) {
    status = 'broken';
    reason = links.length === 0 ? 'no_transactions' : 'no_inventor_start';
  } else if (config.chain.requireOwnerAtEnd && !walk.companyHoldsAtEnd) {
    if (walk.companyEverHeld) status = 'divested';
    else {
      status = 'broken';
      reason = 'not_current_owner';
    }
  }

  const openSecurityRfIds = config.encumbrance.matchReleases
    ? openSecurities(ordered)
    : ordered.filter((t) => t.conveyType === 'security' || t.conveyType === 'release').map((t) => t.rfId);
  const encumbered = openSecurityRfIds.length > 0;
  const displayStatus: DisplayStatus =
    status === 'complete' ? (encumbered ? 'encumbered' : 'complete') : status;

  return {
    status,
    reason,
    breakRfId: walk.breakRfId,
    expectedHolderKeys: walk.expectedHolderKeys,
    actualAssignorKeys: walk.actualAssignorKeys,
    hasEmployeeStart: walk.employeeLinkCount > 0,
    employeeLinkCount: walk.employeeLinkCount,
    finalHolderKeys: walk.finalHolderKeys,
    chainRfIds: walk.chainRfIds,
    encumbered,
    openSecurityRfIds,
    displayStatus,
  };
}
