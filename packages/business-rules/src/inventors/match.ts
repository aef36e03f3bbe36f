import { distance } from 'fastest-levenshtein';
import type { ConveyType, RulesConfig } from '@patentrack/shared';
import type { ConveyanceClassification } from '../classification/classify';
import { isOrganization } from '../names/organization';

/** BR-021 `n(s)`: lowercase, `.`/`,`/`;` → space, single spaces, trimmed. */
export function inventorNameKey(name: string): string {
  return name.toLowerCase().replace(/[.,;]/g, ' ').replace(/\s+/gu, ' ').trim();
}

/** The six BR-021 patterns over tokens family (F), given (G), middle (M). */
const PATTERNS: readonly (readonly (0 | 1 | 2)[])[] = [[0, 1], [1, 0], [0, 1, 2], [1, 2, 0], [0], [1]];

/** BR-021 (D-10): the distinct, non-empty name variations of an inventor, in pattern order. */
export function inventorNameVariations(name: string): string[] {
  const tokens = inventorNameKey(name).split(' ');
  const variations: string[] = [];
  for (const pattern of PATTERNS) {
    const variation = pattern
      .map((position) => tokens[position] ?? '')
      .filter((part) => part.length > 0)
      .join(' ');
    if (variation.length > 0 && !variations.includes(variation)) variations.push(variation);
  }
  return variations;
}

/** Legacy BR-021: the raw tokens, joined verbatim, empty parts and duplicates kept (parity only). */
function legacyInventorNameVariations(name: string): string[] {
  const tokens = name.split(' ');
  return PATTERNS.map((pattern) => pattern.map((position) => tokens[position] ?? '').join(' '));
}

export interface InventorMatchOptions {
  threshold?: number;
  singleTokenExact?: boolean;
  normalizeNames?: boolean;
  excludeOrganizations?: boolean;
  unicodeBoundaries?: boolean;
}

/** The BR-022 options of an organization's rules configuration. */
export function inventorMatchOptions(config: RulesConfig): InventorMatchOptions {
  return { ...config.inventor, unicodeBoundaries: config.normalize.unicodeBoundaries };
}

/**
 * BR-022 (D-10, D-11, D-12): an inventor matches an assignor that is not an organization when a
 * multi-token variation is within `threshold` or a single-token variation is exact.
 */
export function inventorMatchesAssignor(
  inventor: string,
  assignor: string,
  options: InventorMatchOptions = {},
): boolean {
  const threshold = options.threshold ?? 5;
  if (
    options.excludeOrganizations !== false &&
    isOrganization(assignor, { unicodeBoundaries: options.unicodeBoundaries })
  ) {
    return false;
  }
  if (options.normalizeNames === false) {
    return legacyInventorNameVariations(inventor).some(
      (variation) => distance(variation, assignor) < threshold,
    );
  }
  const target = inventorNameKey(assignor);
  const singleTokenExact = options.singleTokenExact ?? true;
  return inventorNameVariations(inventor).some((variation) => {
    const singleToken = !variation.includes(' ');
    return singleToken && singleTokenExact ? variation === target : distance(variation, target) < threshold;
  });
}

/** D-26: keyword types that an inventor match may turn into `employee`. */
export const INVENTOR_FLAGGABLE_TYPES: readonly ConveyType[] = ['assignment', 'missing', 'correct', 'govern'];

export interface FlagInput {
  classification: ConveyanceClassification;
  /** The transaction's own assignor names. */
  assignorNames: readonly string[];
  /** Inventors of the transaction's own documents (grant ∪ application lists). */
  inventorNames: readonly string[];
}

/**
 * BR-023 (D-26): recompute a non-override row from its keyword result plus the inventor match, so a
 * corrected input can also clear a flag; overrides are returned unchanged.
 */
export function flagConveyance(
  input: FlagInput,
  options: InventorMatchOptions = {},
): ConveyanceClassification {
  const { classification } = input;
  if (classification.source === 'override') return classification;
  const keywordType = classification.keywordConveyType ?? 'missing';
  const keywordRow: ConveyanceClassification = {
    ...classification,
    conveyType: keywordType,
    employerAssign: keywordType === 'employee',
    source: 'keyword',
    matchedNames: null,
  };
  if (!INVENTOR_FLAGGABLE_TYPES.includes(keywordType)) return keywordRow;
  const matchedNames: string[] = [];
  for (const inventor of input.inventorNames) {
    for (const assignor of input.assignorNames) {
      if (inventorMatchesAssignor(inventor, assignor, options)) {
        for (const name of [inventor, assignor]) if (!matchedNames.includes(name)) matchedNames.push(name);
      }
    }
  }
  if (matchedNames.length === 0) return keywordRow;
  return {
    ...classification,
    conveyType: 'employee',
    employerAssign: true,
    source: 'inventor_match',
    matchedNames,
  };
}

/** BR-041 (D-15): an asset's inventors are the application list, else the grant list. */
export function assetInventors(
  applicationInventors: readonly string[],
  grantInventors: readonly string[],
): readonly string[] {
  return applicationInventors.length > 0 ? applicationInventors : grantInventors;
}
