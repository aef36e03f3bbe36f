import { describe, expect, it } from 'vitest';
import { ACTIVITY_CODES, activityGroup } from './activity';
import { CONVEYANCE_TYPES, CONVEY_TYPES } from './conveyance';
import { PIPELINE_STEPS } from './pipeline';
import { DEFAULT_RULES_CONFIG, LEGACY_PARITY_RULES_CONFIG, parseRulesConfig } from './rules-config';
import { TREE_TYPES } from './tree';

describe('rules configuration (business-rules §0.2)', () => {
  it('fills every default of §0.2', () => {
    expect(DEFAULT_RULES_CONFIG).toEqual({
      filter: { appYearAfter: 1999, layoutId: 15 },
      normalize: {
        groupThreshold: [
          { maxLength: 10, threshold: 3 },
          { maxLength: 20, threshold: 4 },
          { maxLength: null, threshold: 5 },
        ],
        wholeWordSuffix: true,
        unicodeBoundaries: true,
      },
      inventor: { threshold: 5, singleTokenExact: true, normalizeNames: true, excludeOrganizations: true },
      chain: {
        linkTypes: ['employee', 'assignment', 'merger', 'namechg', 'partialassignment', 'courtorder'],
        requireOwnerAtEnd: true,
        fullPartySets: true,
      },
      encumbrance: { matchReleases: true },
      share: { defaultExpiry: '30d' },
      environmentMode: 'PRO',
    });
  });

  it('keeps given values and defaults the rest; the legacy preset flips only the parity switches', () => {
    const config = parseRulesConfig({ filter: { layoutId: null }, chain: { requireOwnerAtEnd: false } });
    expect(config.filter).toEqual({ appYearAfter: 1999, layoutId: null });
    expect(config.chain.linkTypes).toHaveLength(6);
    expect(config.chain.requireOwnerAtEnd).toBe(false);
    expect(LEGACY_PARITY_RULES_CONFIG.filter).toEqual(DEFAULT_RULES_CONFIG.filter);
    expect(LEGACY_PARITY_RULES_CONFIG.chain).toMatchObject({
      requireOwnerAtEnd: false,
      fullPartySets: false,
    });
  });

  it('BR-061: rejects an unknown environment mode, conveyance type or malformed threshold bands', () => {
    expect(() => parseRulesConfig({ environmentMode: 'DEV' })).toThrow();
    expect(() => parseRulesConfig({ chain: { linkTypes: ['sale'] } })).toThrow();
    expect(() =>
      parseRulesConfig({ normalize: { groupThreshold: [{ maxLength: 10, threshold: 3 }] } }),
    ).toThrow();
    expect(() =>
      parseRulesConfig({
        normalize: {
          groupThreshold: [
            { maxLength: 20, threshold: 3 },
            { maxLength: 10, threshold: 4 },
            { maxLength: null, threshold: 5 },
          ],
        },
      }),
    ).toThrow();
  });
});

describe('domain lookups', () => {
  it('D-1: 16 conveyance types; BR-012 priorities 1–10 for the classifier types only; D-17 colours', () => {
    expect(CONVEY_TYPES).toHaveLength(16);
    const byType = Object.fromEntries(CONVEYANCE_TYPES.map((row) => [row.conveyType, row]));
    expect(
      CONVEYANCE_TYPES.filter((row) => row.priority !== null).map((row) => [row.conveyType, row.priority]),
    ).toEqual([
      ['correct', 1],
      ['employee', 2],
      ['govern', 3],
      ['merger', 4],
      ['namechg', 5],
      ['license', 6],
      ['release', 7],
      ['security', 8],
      ['assignment', 9],
      ['missing', 10],
    ]);
    expect(byType.licenseend).toMatchObject({
      color: '#E6E600',
      category: 'LicenseEnd',
      boxType: 'Licenses',
      sourceKind: 'override_only',
    });
    expect(byType.correct).toMatchObject({ color: '#E60000', category: 'Correct' });
    expect(byType.release).toMatchObject({ color: '#70A800', boxType: 'Security' });
  });

  it('BR-024…BR-030: tree types 0–13 with their tabs (D-7: employees 0/0)', () => {
    expect(TREE_TYPES.map((type) => [type.code, type.tab])).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 2],
      [6, 2],
      [7, 2],
      [8, 2],
      [9, 3],
      [10, 3],
      [11, 3],
      [12, 3],
      [13, 3],
    ]);
  });

  it('BR-038: activity codes are unique and the security variants fold into 5', () => {
    const ids = ACTIVITY_CODES.map((code) => code.activityId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ACTIVITY_CODES.filter((code) => code.groupId === 5).map((code) => code.activityId)).toEqual([
      11, 12, 13, 16,
    ]);
    expect([11, 12, 13, 16, 6, 114].map(activityGroup)).toEqual([5, 5, 5, 5, 6, 114]);
  });

  it('pipeline steps in the pipeline_step enum order', () => {
    expect(PIPELINE_STEPS).toEqual([
      'classify',
      'flag',
      'tree',
      'timeline',
      'broken_title',
      'dashboard',
      'summary',
      'generate_json',
    ]);
  });
});
