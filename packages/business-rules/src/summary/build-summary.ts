import { ACTIVITY, DEFAULT_RULES_CONFIG, activityGroup, type RulesConfig } from '@patentrack/shared';
import { companyMatcher, type CompanyMatcher } from '../config';
import { assetInventors, inventorNameKey } from '../inventors/match';
import { isEmployeeTransaction, partyKeys } from '../title/order';
import { isEligibleAsset } from '../title/membership';
import type { TitleAssessment } from '../title/assess-title';
import type { TransactionActivity } from '../tree/build-tree';
import type { AssetInput, CompanyInput, TransactionInput } from '../types';

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
  activities: readonly TransactionActivity[];
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

type Counts = Omit<SummaryMetrics, 'companyId' | 'companyCount'>;

function countScope(
  assets: readonly SummaryAssetInput[],
  activities: readonly TransactionActivity[],
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
  const parties = new Map<string, { name: string }>();
  let arrowCount = 0;
  for (const t of transactions.values()) {
    arrowCount += partyKeys(t.assignors).length * partyKeys(t.assignees).length;
    for (const party of [...t.assignors, ...t.assignees])
      if (!parties.has(party.key)) parties.set(party.key, party);
    if (isEmployeeTransaction(t)) {
      for (const party of t.assignors) {
        flaggedAssignors.add(inventorNameKey(party.name));
        inventorMatchedKeys.add(party.key);
      }
    }
  }
  const isOwn = (key: string, party: { name: string }): boolean =>
    own.some((c) => c.matches({ key, name: party.name }));
  const entityCount = [...parties].filter(
    ([key, party]) => !inventorMatchedKeys.has(key) && !isOwn(key, party),
  ).length;

  const scopedActivities = activities.filter((row) => transactions.has(row.rfId));
  const partyIds = new Set(
    scopedActivities.filter((row) => row.activityId !== ACTIVITY.employee).map((row) => row.partyEntityId),
  );
  const activityGroups = new Set(scopedActivities.map((row) => activityGroup(row.activityId)));

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
  const rows: SummaryMetrics[] = scoped.map(({ company, matcher, assets }) => ({
    companyId: company.companyId,
    companyCount: 1,
    ...countScope(assets, company.activities, [matcher]),
  }));
  rows.push({
    companyId: null,
    companyCount: input.companies.filter((company) => company.isRoot).length,
    ...countScope(
      scoped.flatMap(({ assets }) => assets),
      input.companies.flatMap((company) => company.activities),
      scoped.map(({ matcher }) => matcher),
    ),
  });
  return rows;
}
