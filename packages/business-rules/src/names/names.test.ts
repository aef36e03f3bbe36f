import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distance } from 'fastest-levenshtein';
import { groupThreshold } from '../config';
import { groupNames, sortForGrouping, type NameGroupItem } from './group';
import { GROUPING_CASES, NORMALIZE_CASES, SUFFIX_CASES } from './names.golden';
import { normalizeName } from './normalize';
import { entitySuffixes, isOrganization } from './organization';

describe('normalizeName', () => {
  it.each(NORMALIZE_CASES)('$brId: "$input" → "$output" (D-8)', ({ input, output }) => {
    expect(normalizeName(input)).toBe(output);
  });

  it.each(NORMALIZE_CASES)('$brId legacy parity: "$input" → "$legacy"', ({ input, legacy }) => {
    expect(normalizeName(input, { wholeWordSuffix: false })).toBe(legacy);
  });

  it('BR-013: collapses internal whitespace and trims (D-8)', () => {
    expect(normalizeName('  ACME \t  WIDGETS   CORPORATION  ')).toBe('Acme Widgets Corp');
  });

  it('BR-013…BR-016: is idempotent for any input', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'corporation',
        'INCORPORATED',
        'Limited',
        'company',
        'corp',
        'ß',
        'İstanbul',
        'société',
        'a/s',
      ),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        fc.constantFrom(' ', '  ', '\t', '\u00a0'),
        (words, separator) => {
          const once = normalizeName(words.join(separator));
          expect(normalizeName(once)).toBe(once);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('entitySuffixes / isOrganization', () => {
  it.each(SUFFIX_CASES)('BR-017: "$name" → $suffixes (D-12)', ({ name, suffixes }) => {
    expect(entitySuffixes(name)).toEqual(suffixes);
    expect(isOrganization(name)).toBe(suffixes.length > 0);
  });

  it.each(SUFFIX_CASES)('BR-017 legacy parity: "$name" → $legacy', ({ name, legacy }) => {
    expect(entitySuffixes(name, { unicodeBoundaries: false })).toEqual(legacy);
  });

  it('BR-017: matches are word-bounded on both sides, also next to non-ASCII letters', () => {
    expect(entitySuffixes('Incoming Cobalt')).toEqual([]);
    expect(entitySuffixes('Kaiserhof Bank')).toEqual(['bank']);
    expect(entitySuffixes('Éco Société')).toEqual(['société']);
    expect(entitySuffixes('Gesellschaft für Bankinc')).toEqual(['gesellschaft']);
  });
});

/** The literal O(n²) greedy of §2.3, as the reference for the indexed implementation. */
function naiveGroups(items: NameGroupItem[]): string[][] {
  const sorted = sortForGrouping(items);
  const grouped = new Set<number>();
  const groups: string[][] = [];
  sorted.forEach((seed, i) => {
    if (grouped.has(i)) return;
    grouped.add(i);
    const members = [seed.entityId];
    for (let j = i + 1; j < sorted.length; j++) {
      if (grouped.has(j)) continue;
      const a = seed.name.toLowerCase();
      const b = sorted[j]!.name.toLowerCase();
      if (distance(a, b) < groupThreshold(Math.min(a.length, b.length))) {
        grouped.add(j);
        members.push(sorted[j]!.entityId);
      }
    }
    groups.push(members);
  });
  return groups;
}

const nameItems = fc
  .array(
    fc.record({
      name: fc.oneof(
        fc.stringMatching(/^[abc ]{0,14}$/),
        fc.stringMatching(/^[ab ]{15,32}$/),
        fc.constantFrom(
          'Acme Inc',
          'Acme Corp',
          'Acne Inc',
          'Acme Widgets Corp',
          'Acme Widget Corp',
          'International Business Machines Corp',
          'Intl Business Machines Corp',
          'A',
          '',
        ),
      ),
      instances: fc.nat({ max: 20 }),
    }),
    { maxLength: 40 },
  )
  .map((rows) => rows.map((row, i) => ({ entityId: `e${String(i).padStart(3, '0')}`, ...row })));

describe('groupNames', () => {
  it.each(GROUPING_CASES)('$brIds: $title', ({ items, groups }) => {
    const result = groupNames(items);
    expect(
      result.map((group) => ({
        canonical: group.canonical,
        members: group.members.map((member) => member.name),
      })),
    ).toEqual(groups);
  });

  it('BR-018: thresholds follow the D-9 length bands of the shorter name', () => {
    expect([10, 11, 20, 21].map((length) => groupThreshold(length))).toEqual([3, 4, 4, 5]);
  });

  it('BR-018: the indexed grouping equals the literal all-pairs greedy', () => {
    fc.assert(
      fc.property(nameItems, (items) => {
        expect(groupNames(items).map((group) => group.members.map((member) => member.entityId))).toEqual(
          naiveGroups(items),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('BR-019, BR-020: deterministic for any input order; every canonical is the member with most instances', () => {
    fc.assert(
      fc.property(
        nameItems.chain((items) =>
          fc.tuple(
            fc.constant(items),
            fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
          ),
        ),
        ([items, shuffled]) => {
          const groups = groupNames(items);
          expect(groupNames(shuffled)).toEqual(groups);
          for (const group of groups) {
            const most = Math.max(...group.members.map((member) => member.instances));
            const canonical = group.members.find((member) => member.entityId === group.canonicalEntityId)!;
            expect(canonical.instances).toBe(most);
            expect(group.canonical).toBe(canonical.name);
            expect(group.totalInstances).toBe(
              group.members.reduce((sum, member) => sum + member.instances, 0),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('BR-018: an admin split keeps a name apart; a merge moves it into the target group (OQ-9)', () => {
    const items = [
      { entityId: 'acme', name: 'Acme Inc', instances: 10 },
      { entityId: 'acne', name: 'Acne Inc', instances: 4 },
      { entityId: 'beta', name: 'Beta Llc', instances: 2 },
    ];
    const split = groupNames(items, { overrides: { splits: ['acne'] } });
    expect(split.map((group) => group.members.map((member) => member.entityId))).toEqual([
      ['acme'],
      ['acne'],
      ['beta'],
    ]);
    const merged = groupNames(items, {
      overrides: { splits: ['acne'], merges: [{ entityId: 'beta', intoEntityId: 'acme' }] },
    });
    expect(merged.map((group) => [group.canonical, group.members.map((member) => member.entityId)])).toEqual([
      ['Acme Inc', ['acme', 'beta']],
      ['Acne Inc', ['acne']],
    ]);
  });

  it('BR-019: an instances tie keeps the earliest member in sort order', () => {
    const [group] = groupNames([
      { entityId: 'b', name: 'Acme Widgets Inc', instances: 5 },
      { entityId: 'a', name: 'Acme Widget Inc', instances: 5 },
    ]);
    expect(group?.canonical).toBe('Acme Widget Inc');
  });
});
