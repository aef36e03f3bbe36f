import { tx } from '../testing/transactions';
import type { AssetInput, TransactionInput } from '../types';
import type { Bank, DashboardCount, DashboardItem, LawFirm } from './build-dashboard';

const asset = (assetId: string, overrides: Partial<AssetInput> = {}): AssetInput => ({
  assetId,
  appnoDocNum: `app-${assetId}`,
  grantDocNum: `grant-${assetId}`,
  appnoDate: '2005-01-01',
  layoutId: 15,
  ...overrides,
});

const start = tx('100-1', '2004-01-01', 'employee', 'SMITH', 'BETA', {
  correspondent: { name: 'SMITH & PARTNERS LLP', address: [] },
});

export interface DashboardCase {
  brIds: string;
  title: string;
  /** Assets of company BETA with `T(a)`; the title verdict is computed by `assessTitle`. */
  assets: { asset: AssetInput; transactions: TransactionInput[] }[];
  banks?: Bank[];
  lawFirms?: LawFirm[];
  counts: DashboardCount[];
  items: Partial<DashboardItem>[];
}

/** §5.6 example and the law-firm / eligibility cases. */
export const DASHBOARD_CASES: readonly DashboardCase[] = [
  {
    brIds: 'BR-036, BR-037',
    title:
      '§5.6 example: A1 complete, A2 broken, A3 complete with an open bank security → {0: 2, 1: 1, 18: 1, 30: 1}',
    assets: [
      { asset: asset('A1'), transactions: [start] },
      { asset: asset('A2'), transactions: [tx('200-1', '2006-01-01', 'assignment', 'ACME', 'BETA')] },
      {
        asset: asset('A3'),
        transactions: [start, tx('600-1', '2019-01-01', 'security', 'BETA', 'FIRST BANK')],
      },
    ],
    banks: [{ name: 'First Bank' }],
    counts: [
      { type: 0, number: 2, total: 2 },
      { type: 1, number: 1, total: 1 },
      { type: 18, number: 1, total: 1 },
      { type: 30, number: 1, total: 1 },
    ],
    items: [
      { type: 0, assetId: 'A1' },
      { type: 0, assetId: 'A3' },
      { type: 1, assetId: 'A2', patent: 'grant-A2', application: 'app-A2' },
      { type: 18, assetId: 'A3', rfId: '600-1', entityId: 'FIRST BANK' },
      { type: 30, assetId: 'A3', rfId: '600-1', entityId: 'FIRST BANK' },
    ],
  },
  {
    brIds: 'BR-037, BR-039, BR-040',
    title: 'law-firm rows need an exact correspondent name; ineligible assets yield nothing',
    assets: [
      { asset: asset('A1'), transactions: [start] },
      { asset: asset('A2', { layoutId: 14 }), transactions: [start] },
      { asset: asset('A3', { appnoDate: '1999-05-01' }), transactions: [start] },
    ],
    lawFirms: [
      { id: 'f1', name: 'SMITH & PARTNERS LLP' },
      { id: 'f2', name: 'Smith & Partners LLP' },
    ],
    counts: [
      { type: 0, number: 1, total: 1 },
      { type: 20, number: 1, total: 1 },
    ],
    items: [
      { type: 0, assetId: 'A1' },
      { type: 20, assetId: 'A1', rfId: '100-1', lawfirm: 'SMITH & PARTNERS LLP', lawfirmId: 'f1' },
    ],
  },
];
