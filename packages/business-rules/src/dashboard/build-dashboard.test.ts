import { DASHBOARD_ITEM_TYPES } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company } from '../testing/transactions';
import { assessTitle } from '../title/assess-title';
import { buildDashboard } from './build-dashboard';
import { DASHBOARD_CASES } from './dashboard.golden';

describe('buildDashboard', () => {
  it.each(DASHBOARD_CASES)('$brIds: $title', ({ assets, banks, lawFirms, counts, items }) => {
    const result = buildDashboard({
      assets: assets.map(({ asset, transactions }) => ({
        asset,
        transactions,
        assessment: assessTitle({ transactions, company: company('BETA') }),
      })),
      banks,
      lawFirms,
    });
    expect(result.counts).toEqual(counts);
    expect(result.items).toHaveLength(items.length);
    result.items.forEach((item, i) => expect(item).toMatchObject(items[i]!));
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
