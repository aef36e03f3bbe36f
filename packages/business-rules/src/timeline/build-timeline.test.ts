import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build-timeline';
import { TIMELINE_CASES } from './timeline.golden';

describe('buildTimeline', () => {
  it.each(TIMELINE_CASES)('$title', ({ transactions, company, expected }) => {
    const rows = buildTimeline({ transactions, company });
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => expect(row).toMatchObject(expected[i]!));
  });
});
