import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { groupThreshold } from '@patentrack/business-rules';
import { TwoSegmentIndex } from './two-segment-index';

const maxDistance = (shorter: number) => groupThreshold(shorter) - 1;
const withinReach = (a: string, b: string) => distance(a, b) <= maxDistance(Math.min(a.length, b.length));

describe('TwoSegmentIndex', () => {
  it('returns every indexed string within the BR-018 distance of a probe (no false negatives)', () => {
    const alphabet = fc.constantFrom(...'abc de'.split(''));
    const name = fc.array(alphabet, { minLength: 0, maxLength: 30 }).map((chars) => chars.join(''));
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('sub', 'ins', 'del'), char: alphabet });
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.array(edit, { maxLength: 5 }),
        (strings, pick, edits) => {
          // Probes are near-copies of an indexed string, plus the raw strings themselves.
          let probe = strings[pick % strings.length]!;
          for (const { at, op, char } of edits) {
            const i = probe.length ? at % (probe.length + (op === 'ins' ? 1 : 0)) : 0;
            probe =
              op === 'sub'
                ? probe.slice(0, i) + char + probe.slice(i + 1)
                : op === 'ins'
                  ? probe.slice(0, i) + char + probe.slice(i)
                  : probe.slice(0, i) + probe.slice(i + 1);
          }
          const index = new TwoSegmentIndex(strings, maxDistance);
          for (const query of [probe, ...strings]) {
            const found = new Set(index.candidates(query));
            strings.forEach((s, id) => {
              if (withinReach(s, query))
                expect(found.has(id), `${JSON.stringify(query)} ~ ${JSON.stringify(s)}`).toBe(true);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('filters out strings that share only a legal suffix with the probe', () => {
    const strings = ['kalomi systems inc', 'terravex labs inc', 'kalomi systems inc.'];
    const index = new TwoSegmentIndex(strings, maxDistance);
    expect([...index.candidates('kalomi systems inc')].sort()).toEqual([0, 2]);
  });
});
