import fc from 'fast-check';
import { CLASSIFIER_CONVEY_TYPES } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_RULES, classifyConveyance, classifyText } from './classify';
import { CLASSIFICATION_CASES } from './classification.golden';

describe('classifyText', () => {
  it.each(CLASSIFICATION_CASES)('$brId: $text → $conveyType', ({ text, conveyType, employerAssign }) => {
    const result = classifyText(text);
    expect(result.conveyType).toBe(conveyType);
    expect(result.employerAssign).toBe(employerAssign);
  });

  it('BR-010: reports the keyword that matched, or null when nothing matched', () => {
    expect(classifyText('SECURITY AGREEMENT').matchedKeyword).toBe('security');
    expect(classifyText('Nunc Pro Tunc Assignment').matchedKeyword).toBe('assignment');
    expect(classifyText('DECREE OF DISTRIBUTION').matchedKeyword).toBeNull();
  });

  it('BR-001…BR-010: is total — any text gives a classifier type, flagged only for employee', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), (text) => {
        const result = classifyText(text);
        expect(CLASSIFIER_CONVEY_TYPES).toContain(result.conveyType);
        expect(result.employerAssign).toBe(result.conveyType === 'employee');
      }),
    );
  });

  it('BR-012: with several keywords in any case and order, the highest-priority rule wins', () => {
    const keyword = fc.constantFrom(
      ...CLASSIFICATION_RULES.flatMap((rule, rank) => rule.keywords.map((word) => ({ word, rank }))),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keyword, fc.boolean()), { minLength: 1, maxLength: 6 }), (picks) => {
        const text = picks.map(([{ word }, upper]) => (upper ? word.toUpperCase() : word)).join(' / ');
        const best = Math.min(...picks.map(([{ rank }]) => rank));
        expect(classifyText(text).conveyType).toBe(CLASSIFICATION_RULES[best]!.conveyType);
      }),
    );
  });
});

describe('classifyConveyance', () => {
  it('BR-011: an override beats the text and keeps the keyword result for audit', () => {
    const row = classifyConveyance('050000-0001', 'ASSIGNMENT', {
      conveyType: 'other',
      employerAssign: false,
    });
    expect(row).toMatchObject({
      conveyType: 'other',
      keywordConveyType: 'assignment',
      source: 'override',
      employerAssign: false,
    });
  });

  it('BR-011: without an override the keyword result is the effective type', () => {
    expect(classifyConveyance('000400-0001', 'SECURITY AGREEMENT', null)).toEqual({
      rfId: '000400-0001',
      keywordConveyType: 'security',
      conveyType: 'security',
      employerAssign: false,
      source: 'keyword',
      matchedKeyword: 'security',
      matchedNames: null,
    });
  });
});
