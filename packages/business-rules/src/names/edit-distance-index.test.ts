import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@patentrack/shared';
import { groupThreshold } from '../config';
import { EditDistanceIndex } from './edit-distance-index';

const WORDS = ['acme', 'tech', 'sol', 'ka', 'gen', 'systems', 'inc', 'corp', 'kabushiki kaisha', 'ltd', 'x'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz .,&-';

/** Names built from shared words, each a copy of an earlier one with up to 5 typos about half the time. */
function namesWithTypos(count: number, next: () => number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const names: string[] = [];
  while (names.length < count) {
    if (names.length > 0 && next() < 0.5) {
      let name = pick(names);
      for (let typos = Math.floor(next() * 6); typos > 0; typos--) {
        const at = Math.floor(next() * (name.length + 1));
        const kind = Math.floor(next() * 3);
        if (kind === 0) name = name.slice(0, at) + pick([...LETTERS]) + name.slice(at);
        else if (kind === 1) name = name.slice(0, at) + name.slice(at + 1);
        else name = name.slice(0, at) + pick([...LETTERS]) + name.slice(at + 1);
      }
      names.push(name);
    } else {
      names.push(Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(WORDS)).join(' '));
    }
  }
  return names;
}

describe('EditDistanceIndex', () => {
  it('returns every indexed string within the allowed distance of a query (brute force)', () => {
    const maxDistance = (shorter: number) => groupThreshold(shorter) - 1;
    const names = namesWithTypos(2500, seededRandom(20261126));
    const index = new EditDistanceIndex(names, maxDistance);
    let pairs = 0;
    for (const query of names) {
      const found = new Set(index.candidates(query));
      names.forEach((name, id) => {
        const allowed = maxDistance(Math.min(name.length, query.length));
        if (Math.abs(name.length - query.length) > allowed || distance(name, query) > allowed) return;
        pairs++;
        expect(found.has(id), `"${name}" within ${allowed} of "${query}"`).toBe(true);
      });
    }
    // The typos must have produced many near pairs besides each name with itself.
    expect(pairs).toBeGreaterThan(2 * names.length);
    // Six million reference distances: seconds on an idle machine, more on a busy one.
  }, 60_000);

  it('drops retired ids for good and keeps finding the rest, each once (lists compacted in place)', () => {
    const maxDistance = (shorter: number) => groupThreshold(shorter) - 1;
    const next = seededRandom(5);
    const names = namesWithTypos(800, next);
    const index = new EditDistanceIndex(names, maxDistance);
    const retired = new Uint8Array(names.length);
    names.forEach((query, round) => {
      const found = [...index.candidates(query, retired)];
      expect(new Set(found).size, 'each id once').toBe(found.length);
      for (const id of found) expect(retired[id], `retired "${names[id]}" returned`).toBe(0);
      const ids = new Set(found);
      names.forEach((name, id) => {
        const allowed = maxDistance(Math.min(name.length, query.length));
        if (retired[id] || Math.abs(name.length - query.length) > allowed || distance(name, query) > allowed)
          return;
        expect(ids.has(id), `"${name}" within ${allowed} of "${query}" after ${round} queries`).toBe(true);
      });
      // Retire a few ids after each query, candidates or not, as groupNames retires grouped names.
      for (let k = 0; k < 3; k++) retired[Math.floor(next() * names.length)] = 1;
    });
    expect(retired.reduce((sum, flag) => sum + flag, 0)).toBeGreaterThan(names.length / 2);
  });

  it('finds matches of queries longer or shorter than every indexed string, and of very short strings', () => {
    const index = new EditDistanceIndex(['a', 'ab', 'abc', 'acme corp', 'acme corporation'], () => 2);
    expect([...index.candidates('')].sort()).toEqual([0, 1]);
    expect([...index.candidates('acme corporations inc')]).toEqual([]);
    expect([...index.candidates('acme corporations')]).toContain(4);
    expect([...index.candidates('acm corp')]).toContain(3);
  });
});
