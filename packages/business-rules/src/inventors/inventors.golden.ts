/** §2.4 BR-021 variation table (D-10: no empty parts, duplicates dropped). */
export const VARIATION_CASES: readonly { inventor: string; variations: string[] }[] = [
  {
    inventor: 'SMITH JOHN A',
    variations: ['smith john', 'john smith', 'smith john a', 'john a smith', 'smith', 'john'],
  },
  { inventor: 'LEE WEI', variations: ['lee wei', 'wei lee', 'lee', 'wei'] },
  { inventor: 'SMITH', variations: ['smith'] },
  {
    inventor: 'Smith,  John  A.',
    variations: ['smith john', 'john smith', 'smith john a', 'john a smith', 'smith', 'john'],
  },
  { inventor: '', variations: [] },
];

export interface InventorMatchCase {
  inventor: string;
  assignor: string;
  /** Distances of variations #1–#6 to `n(assignor)`; null where the spec gives none. */
  distances: number[] | null;
  match: boolean;
  legacy: boolean;
}

/** §2.4 BR-022 table; legacy = case-sensitive raw strings, six verbatim variations, all `< 5`, no organization check. */
export const INVENTOR_MATCH_CASES: readonly InventorMatchCase[] = [
  {
    inventor: 'SMITH JOHN A',
    assignor: 'SMITH, JOHN A.',
    distances: [2, 11, 0, 12, 7, 8],
    match: true,
    legacy: true,
  },
  { inventor: 'SMITH JOHN A', assignor: 'Smith, John A.', distances: null, match: true, legacy: false },
  {
    inventor: 'SMITH JOHN A',
    assignor: 'SMITH, JON',
    distances: [1, 9, 3, 11, 4, 7],
    match: true,
    legacy: true,
  },
  { inventor: 'SMITH JOHN A', assignor: 'IBM', distances: [9, 9, 11, 11, 4, 4], match: false, legacy: true },
  { inventor: 'SMITH JOHN A', assignor: 'JOHN DEERE CO', distances: null, match: false, legacy: false },
  { inventor: 'DEER JOHN', assignor: 'JOHN DEERE CO', distances: null, match: false, legacy: true },
];
