import { DEFAULT_RULES_CONFIG, type RulesConfig } from '@patentrack/shared';
import { normalizeName } from './names/normalize';
import type { CompanyInput, PartyInput } from './types';

export { DEFAULT_RULES_CONFIG, LEGACY_PARITY_RULES_CONFIG, parseRulesConfig } from '@patentrack/shared';
export type { RulesConfig, RulesConfigInput } from '@patentrack/shared';

export type GroupThresholdBands = RulesConfig['normalize']['groupThreshold'];

/** BR-018 / D-9: the grouping threshold for a pair whose shorter name has `shorterLength` characters. */
export function groupThreshold(
  shorterLength: number,
  bands: GroupThresholdBands = DEFAULT_RULES_CONFIG.normalize.groupThreshold,
): number {
  for (const band of bands) {
    if (band.maxLength === null || shorterLength <= band.maxLength) return band.threshold;
  }
  throw new RangeError('groupThreshold bands must end with a catch-all band');
}

/** BR-024…BR-036 "c matches p" (§0.1): the party key is in `K(c)`, else the normalized names are equal. */
export interface CompanyMatcher {
  matches(party: PartyInput): boolean;
}

export function companyMatcher(company: CompanyInput): CompanyMatcher {
  const keys = new Set(company.partyKeys);
  const names = new Set((company.names ?? []).map((name) => normalizeName(name).toLowerCase()));
  // The same party names recur across a portfolio's transactions: normalize each once.
  const byName = new Map<string, boolean>();
  const nameMatches = (name: string): boolean => {
    let matched = byName.get(name);
    if (matched === undefined) {
      matched = names.has(normalizeName(name).toLowerCase());
      byName.set(name, matched);
    }
    return matched;
  };
  return {
    matches: (party) => keys.has(party.key) || (names.size > 0 && nameMatches(party.name)),
  };
}
