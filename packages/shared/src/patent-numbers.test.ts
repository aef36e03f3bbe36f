import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  docNumberCategory,
  normalizeDocNumber,
  parseRfId,
  rfId,
  toDocdbPublicationNumber,
} from './patent-numbers';

describe('normalizeDocNumber (ingestion.md §2.6 vectors)', () => {
  it.each([
    ['B2', '07654321', '7654321'],
    ['S1', 'D0912345', 'D912345'],
    ['E1', '000000RE35000', 'RE35000'],
    ['X0', '12/345,678', '12345678'],
    ['A1', 'US20210123456A1', '20210123456'],
    ['P2', 'PP034694', 'PP34694'],
    ['E1', 'RE049257', 'RE49257'],
    ['H1', 'H0002140', 'H2140'],
    ['A1', '2012057518', '20120057518'],
  ])('%s %s → %s', (kind, raw, expected) => {
    expect(normalizeDocNumber(kind, raw)).toBe(expected);
  });

  it('joins the unpadded assignment spelling with the padded grant XML spelling', () => {
    expect(normalizeDocNumber('B2', '9219817')).toBe(normalizeDocNumber('B2', '09219817'));
    expect(normalizeDocNumber('S1', 'D507094')).toBe(normalizeDocNumber('S1', 'D0507094'));
    expect(normalizeDocNumber('B2', '11147202')).toBe('11147202');
  });

  it('pads application numbers to 8 digits including the series code', () => {
    expect(normalizeDocNumber('X0', '6218896')).toBe('06218896');
    expect(normalizeDocNumber('appno', '29123456')).toBe('29123456');
  });

  it('accepts category names as well as kind codes', () => {
    expect(normalizeDocNumber('grant', 'US7654321B2')).toBe('7654321');
    expect(normalizeDocNumber('pgpub', '20150215460')).toBe('20150215460');
  });

  it('returns null when no usable number is left', () => {
    expect(normalizeDocNumber('X0', '')).toBeNull();
    expect(normalizeDocNumber('X0', null)).toBeNull();
    expect(normalizeDocNumber('X0', 'PCT/US2015/012345')).toBeNull();
    expect(normalizeDocNumber('B2', '0000000')).toBeNull();
    expect(normalizeDocNumber('A1', '123')).toBeNull();
    expect(normalizeDocNumber('B2', 'N/A')).toBeNull();
  });

  it('is idempotent on canonical grant numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'D', 'RE', 'PP', 'H'),
        fc.integer({ min: 1, max: 99_999_999 }),
        (prefix, n) => {
          const canonical = normalizeDocNumber('B1', `${prefix}${n}`);
          expect(canonical).toBe(`${prefix}${n}`);
          expect(normalizeDocNumber('B1', `${prefix}${String(n).padStart(8 - prefix.length, '0')}`)).toBe(
            canonical,
          );
        },
      ),
    );
  });
});

describe('docNumberCategory', () => {
  it('maps kind codes to the number they carry', () => {
    expect(docNumberCategory('X0')).toBe('appno');
    expect(docNumberCategory('A1')).toBe('pgpub');
    expect(docNumberCategory('A9')).toBe('pgpub');
    expect(['B1', 'B2', 'S1', 'P2', 'E1', 'H1'].map(docNumberCategory)).toEqual(Array(6).fill('grant'));
  });
});

describe('rfId / parseRfId', () => {
  it('pads reel to 6 and frame to 4 digits', () => {
    expect(rfId(66012, 493)).toBe('066012-0493');
    expect(rfId(37388, 1)).toBe('037388-0001');
  });

  it('never truncates wider numbers', () => {
    expect(rfId(1234567, 12345)).toBe('1234567-12345');
  });

  it('rejects non-integers', () => {
    expect(() => rfId(Number.NaN, 1)).toThrow(RangeError);
    expect(() => rfId(-1, 1)).toThrow(RangeError);
  });

  it('parses the Solr id and the display id to the same key', () => {
    expect(parseRfId('18247-405')).toBe('018247-0405');
    expect(parseRfId('018247-0405')).toBe('018247-0405');
    expect(parseRfId('18247/405')).toBe('018247-0405');
    expect(parseRfId('reel 1')).toBeNull();
  });
});

describe('toDocdbPublicationNumber', () => {
  it('round-trips with normalizeDocNumber', () => {
    expect(toDocdbPublicationNumber('20120057518')).toBe('2012057518');
    expect(normalizeDocNumber('A1', toDocdbPublicationNumber('20120057518'))).toBe('20120057518');
  });
});
