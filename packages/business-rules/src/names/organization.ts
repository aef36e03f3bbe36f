/** BR-017 alternatives, verbatim and in order (`gesellschaft` twice, no plain `ag`). */
export const ORGANIZATION_SUFFIXES = [
  'inc',
  'llc',
  'corporation',
  'corp',
  'systems',
  'system',
  'llp',
  'industries',
  'gmbh',
  'lp',
  'agent',
  'sas',
  'na',
  'bank',
  'co',
  'states',
  'ltd',
  'kk',
  'a/s',
  'aktiebolag',
  'kigyo',
  'kaisha',
  'university',
  'kabushiki',
  'company',
  'plc',
  'gesellschaft',
  'gesmbh',
  'société',
  'societe',
  'mbh',
  'aktiengesellschaft',
  'haftung',
  'vennootschap',
  'bv',
  'bvba',
  'aktien',
  'limitata',
  'srl',
  'sarl',
  'kommanditgesellschaft',
  'kg',
  'gesellschaft',
  'gbr',
  'ohg',
  'handelsgesellschaft',
  'compagnie',
  'privatstiftung',
  'foundation',
  'cie',
] as const;

const alternatives = ORGANIZATION_SUFFIXES.map((suffix) => suffix.replace('/', '\\/')).join('|');
const unicodeSuffixPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
const legacySuffixPattern = new RegExp(`\\b(?:${alternatives})\\b`, 'gi');

export interface OrganizationOptions {
  /** D-12 (default true): no letter or digit on either side; false = legacy ASCII `\b`. */
  unicodeBoundaries?: boolean;
}

/** BR-017: every word-bounded organization suffix in the name, lower-cased, in order of appearance. */
export function entitySuffixes(name: string, options: OrganizationOptions = {}): string[] {
  const pattern = options.unicodeBoundaries === false ? legacySuffixPattern : unicodeSuffixPattern;
  return Array.from(name.matchAll(pattern), (match) => match[0].toLowerCase());
}

/** BR-017: a name is an organization when it carries at least one suffix of the list. */
export function isOrganization(name: string, options: OrganizationOptions = {}): boolean {
  return entitySuffixes(name, options).length > 0;
}
