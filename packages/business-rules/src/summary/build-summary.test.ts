import { activityGroup } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company, tx } from '../testing/transactions';
import { assessTitle } from '../title/assess-title';
import { buildTransactionActivities } from '../tree/build-tree';
import type { AssetInput, TransactionInput } from '../types';
import { buildSummary, type SummaryCompanyInput } from './build-summary';

const A1: AssetInput = {
  assetId: 'A1',
  appnoDocNum: '11111111',
  grantDocNum: null,
  appnoDate: '2005-01-01',
  layoutId: 15,
};
const A2: AssetInput = {
  assetId: 'A2',
  appnoDocNum: '22222222',
  grantDocNum: null,
  appnoDate: '2008-01-01',
  layoutId: 15,
};

const t100 = tx('100-1', '2005-03-01', 'employee', 'SMITH', 'BETA');
const t101 = tx('101-1', '2008-03-01', 'employee', ['JONES', 'LEE'], 'BETA');
const t400 = tx('400-1', '2010-01-01', 'security', 'BETA', 'FIRST BANK');
const t500 = tx('500-1', '2012-01-01', 'release', 'FIRST BANK', 'BETA');

function companyInput(
  companyId: string,
  assets: { asset: AssetInput; inventors: string[]; transactions: TransactionInput[] }[],
): SummaryCompanyInput {
  const all = [...new Map(assets.flatMap((a) => a.transactions).map((t) => [t.rfId, t])).values()];
  return {
    companyId,
    isRoot: true,
    company: company('BETA'),
    assets: assets.map(({ asset, inventors, transactions }) => ({
      asset,
      applicationInventors: inventors,
      grantInventors: [],
      transactions,
      assessment: assessTitle({ transactions, company: company('BETA') }),
    })),
    activities: buildTransactionActivities({ transactions: all, company: company('BETA') }),
  };
}

describe('buildSummary', () => {
  it('BR-043 §5.7 example: companies 1, assets 2, transactions 4, employees 3, parties 1, entities 1, activities 3, arrows 5', () => {
    const [row, org] = buildSummary({
      companies: [
        companyInput('c1', [
          { asset: A1, inventors: ['SMITH'], transactions: [t100, t400, t500] },
          { asset: A2, inventors: ['JONES', 'LEE'], transactions: [t101, t400, t500] },
        ]),
      ],
    });
    expect(row).toEqual({
      companyId: 'c1',
      companyCount: 1,
      assetCount: 2,
      transactionCount: 4,
      employeeCount: 3,
      partyCount: 1,
      entityCount: 1,
      activityCount: 3,
      arrowCount: 5,
      completeChainCount: 2,
      brokenChainCount: 0,
      divestedCount: 0,
      encumbranceCount: 0,
    });
    expect(org).toEqual({ ...row, companyId: null });
  });

  it('BR-042: the org row is recomputed over the union — a transaction shared by two companies counts once', () => {
    const rows = buildSummary({
      companies: [
        companyInput('c1', [{ asset: A1, inventors: ['SMITH'], transactions: [t100, t400] }]),
        companyInput('c2', [{ asset: A2, inventors: ['JONES', 'LEE'], transactions: [t101, t400] }]),
      ],
    });
    expect(
      rows.map((row) => [
        row.companyId,
        row.companyCount,
        row.transactionCount,
        row.assetCount,
        row.encumbranceCount,
      ]),
    ).toEqual([
      ['c1', 1, 2, 1, 1],
      ['c2', 1, 2, 1, 1],
      [null, 2, 3, 2, 2],
    ]);
  });

  it('BR-039, BR-043: ineligible assets are out of scope; an empty scope gives zeros', () => {
    const old: AssetInput = { ...A1, appnoDate: '1999-12-31' };
    const [row] = buildSummary({
      companies: [companyInput('c1', [{ asset: old, inventors: ['SMITH'], transactions: [t100] }])],
    });
    const { companyId: _companyId, companyCount, ...metrics } = row!;
    expect(companyCount).toBe(1);
    expect(Object.values(metrics).every((value) => value === 0)).toBe(true);
  });

  it('BR-038: activity codes 11, 12, 13 and 16 fold into 5; others pass through', () => {
    expect(new Set([5, 6, 11, 12, 16, 3].map(activityGroup))).toEqual(new Set([5, 6, 3]));
    expect(activityGroup(999)).toBe(999);
  });
});
