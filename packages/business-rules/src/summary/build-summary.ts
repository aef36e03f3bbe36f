import { ACTIVITY, DEFAULT_RULES_CONFIG, activityGroup, type RulesConfig } from '@patentrack/shared';
import { companyMatcher, type CompanyMatcher } from '../config';
import { assetInventors, inventorNameKey } from '../inventors/match';
import { isEmployeeTransaction } from '../title/order';
import { isEligibleAsset } from '../title/membership';
import type { TitleAssessment } from '../title/assess-title';
import type { TransactionActivity } from '../tree/build-tree';
import type { AssetInput, CompanyInput, PartyInput, TransactionInput } from '../types';

export interface SummaryAssetInput {
  asset: AssetInput;
  applicationInventors: readonly string[];
  grantInventors: readonly string[];
  /** `T(a)`. */
  transactions: readonly TransactionInput[];
  assessment?: Pick<TitleAssessment, 'status' | 'encumbered'> | null;
}

export interface SummaryCompanyInput {
  companyId: string;
  /** Root companies count towards the org row's `companyCount`. */
  isRoot: boolean;
  company: CompanyInput;
  assets: readonly SummaryAssetInput[];
  /** The company's `company_transaction_activities` rows. */
  activities: readonly SummaryActivity[];
}

/** One `summary_metrics` row; `companyId` null is the org row (legacy `company_id = 0`). */
export interface SummaryMetrics {
  companyId: string | null;
  companyCount: number;
  activityCount: number;
  entityCount: number;
  partyCount: number;
  employeeCount: number;
  transactionCount: number;
  assetCount: number;
  arrowCount: number;
  completeChainCount: number;
  brokenChainCount: number;
  divestedCount: number;
  encumbranceCount: number;
}

/** What the counts read of an activity row. */
export type SummaryActivity = Pick<TransactionActivity, 'rfId' | 'partyEntityId' | 'activityId'>;

type Counts = Omit<SummaryMetrics, 'companyId' | 'companyCount'>;

/** BR-043 arrows: the distinct party keys of one side (`partyKeys(side).length`) without building the list. */
function distinctKeyCount(side: readonly PartyInput[]): number {
  if (side.length < 2) return side.length;
  if (side.length === 2) return side[0]!.key === side[1]!.key ? 1 : 2;
  return new Set(side.map((party) => party.key)).size;
}

function countScope(
  assets: readonly SummaryAssetInput[],
  activities: readonly SummaryActivity[],
  own: readonly CompanyMatcher[],
): Counts {
  const assetIds = new Set<string>();
  const transactions = new Map<string, TransactionInput>();
  const inventors = new Set<string>();
  const byStatus = { complete: new Set<string>(), broken: new Set<string>(), divested: new Set<string>() };
  const encumbered = new Set<string>();
  for (const {
    asset,
    applicationInventors,
    grantInventors,
    transactions: assetTransactions,
    assessment,
  } of assets) {
    assetIds.add(asset.assetId);
    for (const t of assetTransactions) if (!transactions.has(t.rfId)) transactions.set(t.rfId, t);
    for (const name of assetInventors(applicationInventors, grantInventors))
      inventors.add(inventorNameKey(name));
    if (assessment) {
      byStatus[assessment.status].add(asset.assetId);
      if (assessment.encumbered) encumbered.add(asset.assetId);
    }
  }

  const flaggedAssignors = new Set<string>();
  const inventorMatchedKeys = new Set<string>();
  const parties = new Map<string, PartyInput>();
  let arrowCount = 0;
  const addParties = (side: readonly PartyInput[]): void => {
    for (const party of side) if (!parties.has(party.key)) parties.set(party.key, party);
  };
  for (const t of transactions.values()) {
    arrowCount += distinctKeyCount(t.assignors) * distinctKeyCount(t.assignees);
    addParties(t.assignors);
    addParties(t.assignees);
    if (isEmployeeTransaction(t)) {
      for (const party of t.assignors) {
        flaggedAssignors.add(inventorNameKey(party.name));
        inventorMatchedKeys.add(party.key);
      }
    }
  }
  let entityCount = 0;
  for (const [key, party] of parties)
    if (!inventorMatchedKeys.has(key) && !own.some((c) => c.matches(party))) entityCount++;

  const partyIds = new Set<string>();
  const activityGroups = new Set<number>();
  for (const row of activities) {
    if (!transactions.has(row.rfId)) continue;
    if (row.activityId !== ACTIVITY.employee) partyIds.add(row.partyEntityId);
    activityGroups.add(activityGroup(row.activityId));
  }

  return {
    activityCount: activityGroups.size,
    entityCount,
    partyCount: partyIds.size,
    employeeCount: new Set([...inventors, ...flaggedAssignors]).size,
    transactionCount: transactions.size,
    assetCount: assetIds.size,
    arrowCount,
    completeChainCount: byStatus.complete.size,
    brokenChainCount: byStatus.broken.size,
    divestedCount: byStatus.divested.size,
    encumbranceCount: encumbered.size,
  };
}

export interface BuildSummaryInput {
  companies: readonly SummaryCompanyInput[];
  config?: RulesConfig;
}

/**
 * BR-038, BR-041…BR-043 (§5.7, D-23, D-24): one metrics row per company over its eligible assets,
 * plus the org row recomputed over the union (not summed).
 */
export function buildSummary(input: BuildSummaryInput): SummaryMetrics[] {
  const filter = (input.config ?? DEFAULT_RULES_CONFIG).filter;
  const scoped = input.companies.map((company) => ({
    company,
    matcher: companyMatcher(company.company),
    assets: company.assets.filter((entry) => isEligibleAsset(entry.asset, filter)),
  }));
  const companyCounts = scoped.map(({ company, matcher, assets }) =>
    countScope(assets, company.activities, [matcher]),
  );
  // The union of one company's scope is that scope.
  const orgCounts =
    scoped.length === 1
      ? companyCounts[0]!
      : countScope(
          scoped.flatMap(({ assets }) => assets),
          input.companies.flatMap((company) => company.activities),
          scoped.map(({ matcher }) => matcher),
        );
  return [
    ...scoped.map(({ company }, i) => ({
      companyId: company.companyId,
      companyCount: 1,
      ...companyCounts[i]!,
    })),
    {
      companyId: null,
      companyCount: input.companies.filter((company) => company.isRoot).length,
      ...orgCounts,
    },
  ];
}
