/** BR-013…BR-016, in order; only the first trailing match is replaced. */
export const NAME_SUFFIX_REPLACEMENTS = [
  { brId: 'BR-013', suffix: 'corporation', replacement: ' corp' },
  { brId: 'BR-014', suffix: 'incorporated', replacement: ' inc' },
  { brId: 'BR-015', suffix: 'limited', replacement: ' ltd' },
  { brId: 'BR-016', suffix: 'company', replacement: ' co' },
] as const;

const wholeWordSuffix = NAME_SUFFIX_REPLACEMENTS.map(
  ({ suffix, replacement }) => [new RegExp(`(?<![\\p{L}\\p{N}])${suffix}$`, 'iu'), replacement] as const,
);
const legacySuffix = NAME_SUFFIX_REPLACEMENTS.map(
  ({ suffix, replacement }) => [new RegExp(`${suffix}$`, 'i'), replacement] as const,
);

export interface NormalizeNameOptions {
  /** D-8 (default true): whole-word suffix and collapsed whitespace; false reproduces the legacy output. */
  wholeWordSuffix?: boolean;
}

/** Upper-cases a character only when lower-casing it again gives it back, so the result is stable. */
function capitalize(char: string): string {
  const upper = char.toUpperCase();
  return upper.toLowerCase() === char ? upper : char;
}

/** BR-013…BR-016 (D-8): suffix replacement, then lowercase with the first letter of each word upper-cased. */
export function normalizeName(raw: string, options: NormalizeNameOptions = {}): string {
  const legacy = options.wholeWordSuffix === false;
  let name = legacy ? raw : raw.replace(/\s+/gu, ' ').trim();
  for (const [pattern, replacement] of legacy ? legacySuffix : wholeWordSuffix) {
    if (pattern.test(name)) {
      name = name.replace(pattern, replacement);
      break;
    }
  }
  if (!legacy) name = name.replace(/\s+/gu, ' ');
  return name
    .toLowerCase()
    .replace(/(^|\s)(\S)/gu, (_match, space: string, first: string) => space + capitalize(first))
    .trim();
}

/** BR-013…BR-016: case-insensitive comparison key of a normalized name (`entities.name_key`). */
export function nameKey(name: string): string {
  return normalizeName(name).toLowerCase();
}
