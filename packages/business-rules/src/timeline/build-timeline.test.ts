import { describe, expect, it } from 'vitest';
import { patchedAndBuilt } from '../testing/history-change';
import { tx } from '../testing/transactions';
import { buildTimeline, patchTimeline } from './build-timeline';
import { TIMELINE_CASES } from './timeline.golden';

describe('buildTimeline', () => {
  it.each(TIMELINE_CASES)('$title', ({ transactions, company, expected }) => {
    const rows = buildTimeline({ transactions, company });
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => expect(row).toMatchObject(expected[i]!));
  });
});

describe('patchTimeline', () => {
  const company = { partyKeys: ['ACME'] };

  it('equals buildTimeline of the changed input whatever transactions are added, removed or altered', () => {
    const cases = patchedAndBuilt(20261126, 300, buildTimeline, (input, entries, changedRfIds) =>
      patchTimeline(input, { entries, changedRfIds }),
    );
    for (const { patched, built } of cases) expect(patched).toEqual(built);
  });

  it('keeps the rows before the first change as they were and copies only the rows that move', () => {
    const doc = { documents: [{ appnoDocNum: '1', grantDocNum: null, appnoDate: '2005-01-01' }] };
    const early = tx('100-1', '2010-01-01', 'assignment', 'BETA', 'ACME', doc);
    const late = tx('100-3', '2014-01-01', 'security', 'ACME', 'DELTA BANK', doc);
    const previous = buildTimeline({ transactions: [early, late], company });
    const between = tx('100-2', '2012-01-01', 'assignment', 'ACME', 'GAMMA', doc);
    const patched = patchTimeline(
      { transactions: [early, late, between], company },
      { entries: previous, changedRfIds: new Set(['100-2']) },
    );
    expect(patched.map((e) => [e.rfId, e.sequence])).toEqual([
      ['100-1', 1],
      ['100-2', 2],
      ['100-3', 3],
    ]);
    expect(patched[0]).toBe(previous[0]);
    expect(patched[2]).not.toBe(previous[1]);
  });
});
