import { tx } from '../testing/transactions';
import type { AssetInput, TransactionInput } from '../types';
import type { SummaryMetrics } from './build-summary';

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

export interface SummaryCase {
  brIds: string;
  title: string;
  /** Companies of the org (all matching party BETA), each with its assets' application inventors and `T(a)`. */
  companies: {
    companyId: string;
    assets: { asset: AssetInput; inventors: string[]; transactions: TransactionInput[] }[];
  }[];
  expected: SummaryMetrics[];
}

const metrics = (companyId: string | null, values: Omit<SummaryMetrics, 'companyId'>): SummaryMetrics => ({
  companyId,
  ...values,
});

/** §5.7 example (BR-043) and the BR-042 union example. */
export const SUMMARY_CASES: readonly SummaryCase[] = [
  {
    brIds: 'BR-041, BR-043',
    title: '§5.7 example: BETA with A1 [SMITH] and A2 [JONES, LEE]',
    companies: [
      {
        companyId: 'c1',
        assets: [
          { asset: A1, inventors: ['SMITH'], transactions: [t100, t400, t500] },
          { asset: A2, inventors: ['JONES', 'LEE'], transactions: [t101, t400, t500] },
        ],
      },
    ],
    expected: [
      metrics('c1', {
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
      }),
      metrics(null, {
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
      }),
    ],
  },
  {
    brIds: 'BR-042',
    title: 'two companies share 400-1: the org row counts it once',
    companies: [
      { companyId: 'c1', assets: [{ asset: A1, inventors: ['SMITH'], transactions: [t100, t400] }] },
      { companyId: 'c2', assets: [{ asset: A2, inventors: ['JONES', 'LEE'], transactions: [t101, t400] }] },
    ],
    expected: [
      metrics('c1', {
        companyCount: 1,
        assetCount: 1,
        transactionCount: 2,
        employeeCount: 1,
        partyCount: 1,
        entityCount: 1,
        activityCount: 2,
        arrowCount: 2,
        completeChainCount: 1,
        brokenChainCount: 0,
        divestedCount: 0,
        encumbranceCount: 1,
      }),
      metrics('c2', {
        companyCount: 1,
        assetCount: 1,
        transactionCount: 2,
        employeeCount: 2,
        partyCount: 1,
        entityCount: 1,
        activityCount: 2,
        arrowCount: 3,
        completeChainCount: 1,
        brokenChainCount: 0,
        divestedCount: 0,
        encumbranceCount: 1,
      }),
      metrics(null, {
        companyCount: 2,
        assetCount: 2,
        transactionCount: 3,
        employeeCount: 3,
        partyCount: 1,
        entityCount: 1,
        activityCount: 2,
        arrowCount: 4,
        completeChainCount: 2,
        brokenChainCount: 0,
        divestedCount: 0,
        encumbranceCount: 2,
      }),
    ],
  },
  {
    brIds: 'BR-039, BR-043',
    title: 'an asset filed in 1999 is out of scope; an empty scope gives zeros',
    companies: [
      {
        companyId: 'c1',
        assets: [{ asset: { ...A1, appnoDate: '1999-12-31' }, inventors: ['SMITH'], transactions: [t100] }],
      },
    ],
    expected: [
      metrics('c1', {
        companyCount: 1,
        assetCount: 0,
        transactionCount: 0,
        employeeCount: 0,
        partyCount: 0,
        entityCount: 0,
        activityCount: 0,
        arrowCount: 0,
        completeChainCount: 0,
        brokenChainCount: 0,
        divestedCount: 0,
        encumbranceCount: 0,
      }),
      metrics(null, {
        companyCount: 1,
        assetCount: 0,
        transactionCount: 0,
        employeeCount: 0,
        partyCount: 0,
        entityCount: 0,
        activityCount: 0,
        arrowCount: 0,
        completeChainCount: 0,
        brokenChainCount: 0,
        divestedCount: 0,
        encumbranceCount: 0,
      }),
    ],
  },
];

/** BR-038 example: [5, 6, 11, 12, 16, 3] → groups {5, 6, 3}. */
export const ACTIVITY_GROUP_CASES: readonly { codes: number[]; groups: number[] }[] = [
  { codes: [5, 6, 11, 12, 16, 3], groups: [5, 6, 3] },
  { codes: [13, 999], groups: [5, 999] },
];
