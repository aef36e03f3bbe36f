import { activityGroup } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company } from '../testing/transactions';
import { assessTitle } from '../title/assess-title';
import { buildTransactionActivities } from '../tree/build-tree';
import { buildSummary, type SummaryCompanyInput } from './build-summary';
import { ACTIVITY_GROUP_CASES, SUMMARY_CASES, type SummaryCase } from './summary.golden';

const beta = company('BETA');

/** Feeds a golden case through the upstream steps (title, activities) as the pipeline does. */
function toInput({ companyId, assets }: SummaryCase['companies'][number]): SummaryCompanyInput {
  const transactions = [...new Map(assets.flatMap((a) => a.transactions).map((t) => [t.rfId, t])).values()];
  return {
    companyId,
    isRoot: true,
    company: beta,
    assets: assets.map(({ asset, inventors, transactions: assetTransactions }) => ({
      asset,
      applicationInventors: inventors,
      grantInventors: [],
      transactions: assetTransactions,
      assessment: assessTitle({ transactions: assetTransactions, company: beta }),
    })),
    activities: buildTransactionActivities({ transactions, company: beta }),
  };
}

describe('buildSummary', () => {
  it.each(SUMMARY_CASES)('$brIds: $title', ({ companies, expected }) => {
    expect(buildSummary({ companies: companies.map(toInput) })).toEqual(expected);
  });

  it.each(ACTIVITY_GROUP_CASES)('BR-038: activity groups of $codes → $groups', ({ codes, groups }) => {
    expect([...new Set(codes.map(activityGroup))]).toEqual(groups);
  });
});
