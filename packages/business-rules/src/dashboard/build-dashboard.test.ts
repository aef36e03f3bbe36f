import { DASHBOARD_ITEM_TYPES } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company, tx } from '../testing/transactions';
import { assessTitle } from '../title/assess-title';
import type { AssetInput, TransactionInput } from '../types';
import { buildDashboard } from './build-dashboard';

const asset = (assetId: string, overrides: Partial<AssetInput> = {}): AssetInput => ({
  assetId,
  appnoDocNum: `app-${assetId}`,
  grantDocNum: `grant-${assetId}`,
  appnoDate: '2005-01-01',
  layoutId: 15,
  ...overrides,
});
const entry = (a: AssetInput, transactions: TransactionInput[]) => ({
  asset: a,
  transactions,
  assessment: assessTitle({ transactions, company: company('BETA') }),
});

const start = tx('100-1', '2004-01-01', 'employee', 'SMITH', 'BETA', {
  correspondent: { name: 'SMITH & PARTNERS LLP', address: [] },
});

describe('buildDashboard', () => {
  it('BR-036, BR-037 §5.6 example: A1 complete, A2 broken, A3 complete with an open bank security → {0: 2, 1: 1, 18: 1, 30: 1}', () => {
    const { items, counts } = buildDashboard({
      assets: [
        entry(asset('A1'), [start]),
        entry(asset('A2'), [tx('200-1', '2006-01-01', 'assignment', 'ACME', 'BETA')]),
        entry(asset('A3'), [start, tx('600-1', '2019-01-01', 'security', 'BETA', 'FIRST BANK')]),
      ],
      banks: [{ name: 'First Bank' }],
    });
    expect(counts).toEqual([
      { type: 0, number: 2, total: 2 },
      { type: 1, number: 1, total: 1 },
      { type: 18, number: 1, total: 1 },
      { type: 30, number: 1, total: 1 },
    ]);
    expect(items.filter((item) => item.type === 18)).toEqual([
      {
        type: 18,
        assetId: 'A3',
        patent: 'grant-A3',
        application: 'app-A3',
        rfId: '600-1',
        entityId: 'FIRST BANK',
        lawfirm: null,
        lawfirmId: null,
      },
    ]);
    expect(items.find((item) => item.type === 1)?.assetId).toBe('A2');
  });

  it('BR-037: law-firm rows need an exact correspondent name; ineligible assets yield nothing (BR-039, BR-040)', () => {
    const { items, counts } = buildDashboard({
      assets: [
        entry(asset('A1'), [start]),
        entry(asset('A2', { layoutId: 14 }), [start]),
        entry(asset('A3', { appnoDate: '1999-05-01' }), [start]),
      ],
      lawFirms: [
        { id: 'f1', name: 'SMITH & PARTNERS LLP' },
        { id: 'f2', name: 'Smith & Partners LLP' },
      ],
    });
    expect(counts).toEqual([
      { type: 0, number: 1, total: 1 },
      { type: 20, number: 1, total: 1 },
    ]);
    expect(items[1]).toMatchObject({
      type: 20,
      assetId: 'A1',
      rfId: '100-1',
      lawfirm: 'SMITH & PARTNERS LLP',
      lawfirmId: 'f1',
    });
  });

  it('BR-037: the lookup accepts 0, 1, 18, 20, 28–37; only 0, 1, 18, 20, 30 are emitted (OQ-16)', () => {
    expect(DASHBOARD_ITEM_TYPES.map((type) => type.code)).toEqual([
      0, 1, 18, 20, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37,
    ]);
    expect(DASHBOARD_ITEM_TYPES.filter((type) => type.isEmitted).map((type) => type.code)).toEqual([
      0, 1, 18, 20, 30,
    ]);
  });
});
