import { distance } from 'fastest-levenshtein';
import { LEGACY_PARITY_RULES_CONFIG } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { classifyConveyance } from '../classification/classify';
import { INVENTOR_MATCH_CASES, VARIATION_CASES } from './inventors.golden';
import {
  assetInventors,
  flagConveyance,
  inventorMatchOptions,
  inventorMatchesAssignor,
  inventorNameKey,
  inventorNameVariations,
} from './match';

const legacy = inventorMatchOptions(LEGACY_PARITY_RULES_CONFIG);

describe('inventorNameVariations', () => {
  it.each(VARIATION_CASES)('BR-021: "$inventor" → $variations', ({ inventor, variations }) => {
    expect(inventorNameVariations(inventor)).toEqual(variations);
  });
});

describe('inventorMatchesAssignor', () => {
  it.each(INVENTOR_MATCH_CASES.filter((row) => row.distances))(
    'BR-021: distances of "$inventor" variations to "$assignor"',
    ({ inventor, assignor, distances }) => {
      const [f, g, m] = inventorNameKey(inventor).split(' ');
      const patterns = [`${f} ${g}`, `${g} ${f}`, `${f} ${g} ${m}`, `${g} ${m} ${f}`, f!, g!];
      expect(patterns.map((variation) => distance(variation, inventorNameKey(assignor)))).toEqual(distances);
    },
  );

  it.each(INVENTOR_MATCH_CASES)(
    'BR-022: "$inventor" vs "$assignor" → $match (legacy $legacy)',
    ({ inventor, assignor, match, legacy: legacyMatch }) => {
      expect(inventorMatchesAssignor(inventor, assignor)).toBe(match);
      expect(inventorMatchesAssignor(inventor, assignor, legacy)).toBe(legacyMatch);
    },
  );

  it('BR-022: D-11 single-token variations must be exact; the legacy empty "given" matched any short name (D-10)', () => {
    expect(inventorMatchesAssignor('SMITH JOHN', 'SMITHS')).toBe(false);
    expect(inventorMatchesAssignor('SMITH JOHN', 'SMITHS', { singleTokenExact: false })).toBe(true);
    expect(inventorMatchesAssignor('SMITH', 'ACME', legacy)).toBe(true);
    expect(inventorMatchesAssignor('SMITH', 'ACME')).toBe(false);
  });
});

describe('flagConveyance', () => {
  const keywordRow = classifyConveyance('000100-0001', 'ASSIGNMENT OF ASSIGNORS INTEREST', null);

  it('BR-023: an inventor among its own assignors turns the transaction into an employee link', () => {
    const flagged = flagConveyance({
      classification: keywordRow,
      assignorNames: ['SMITH, JOHN A.'],
      inventorNames: ['SMITH JOHN A'],
    });
    expect(flagged).toMatchObject({
      conveyType: 'employee',
      employerAssign: true,
      source: 'inventor_match',
      matchedNames: ['SMITH JOHN A', 'SMITH, JOHN A.'],
    });
  });

  it('BR-023: a corrected input clears an earlier flag; security and overrides are never flagged (D-26)', () => {
    const flagged = flagConveyance({
      classification: keywordRow,
      assignorNames: ['SMITH, JOHN A.'],
      inventorNames: ['SMITH JOHN A'],
    });
    expect(
      flagConveyance({
        classification: flagged,
        assignorNames: ['ACME INC'],
        inventorNames: ['SMITH JOHN A'],
      }),
    ).toMatchObject({
      conveyType: 'assignment',
      employerAssign: false,
      source: 'keyword',
      matchedNames: null,
    });
    const security = classifyConveyance('000400-0001', 'SECURITY AGREEMENT', null);
    expect(
      flagConveyance({
        classification: security,
        assignorNames: ['SMITH JOHN'],
        inventorNames: ['SMITH JOHN'],
      }).conveyType,
    ).toBe('security');
    const override = classifyConveyance('000500-0001', 'ASSIGNMENT', {
      conveyType: 'other',
      employerAssign: false,
    });
    expect(
      flagConveyance({
        classification: override,
        assignorNames: ['SMITH JOHN'],
        inventorNames: ['SMITH JOHN'],
      }),
    ).toBe(override);
  });

  it('BR-041: application inventors win, grant inventors fill the pre-publication gap (D-15)', () => {
    expect(assetInventors([], ['X', 'Y'])).toEqual(['X', 'Y']);
    expect(assetInventors(['A'], ['X', 'Y'])).toEqual(['A']);
  });
});
