import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { CoreNeighbourhoodIndex, nameCore } from './core-index';

describe('core-neighbourhood candidate blocking', () => {
  it.each([
    ['acme, inc.', 'acme'],
    ['acme widgets corp', 'acme widgets'],
    ['toyota jidosha kabushiki kaisha', 'toyota jidosha'],
    ['bank of america, n.a.', 'bank of america'],
    ['inc', 'inc'],
    ['  hewlett-packard   development co, l.p.', 'hewlettpackard development'],
  ])('core of %j is %j', (key, core) => {
    expect(nameCore(key)).toBe(core);
  });

  it('offers every pending name whose core is within one edit of the probe core, and none beyond two', () => {
    const token = fc.stringMatching(/^[abc]{1,4}$/);
    const name = fc
      .tuple(
        fc.array(token, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', ' inc', ', inc.', ' corp', ' llc'),
      )
      .map(([words, suffix]) => words.join(' ') + suffix);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 30 }), name, (keys, probe) => {
        const index = new CoreNeighbourhoodIndex(keys);
        const found = new Set(index.candidates(probe));
        keys.forEach((key, id) => {
          const d = distance(nameCore(key), nameCore(probe));
          // A shared one-deletion variant means at most two edits (one deletion on each side).
          if (d <= 1) expect(found.has(id), `${JSON.stringify(probe)} ~ ${JSON.stringify(key)}`).toBe(true);
          if (d > 2) expect(found.has(id), `${JSON.stringify(probe)} ~ ${JSON.stringify(key)}`).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('matches suffix, punctuation and typo variants but not names sharing only a legal suffix', () => {
    const keys = ['microsoft corp', 'globex systems inc', 'acme inc'];
    const index = new CoreNeighbourhoodIndex(keys);
    expect([...index.candidates('microsft corporation')]).toEqual([0]);
    expect([...index.candidates('acme, inc.')]).toEqual([2]);
    expect([...index.candidates('initech systems inc')]).toEqual([]);
  });
});
