import { describe, expect, it } from 'vitest';
import { cleanText, hasInvalidCharacters, parseYmd } from './text';

describe('parseYmd (ingestion.md §2.6)', () => {
  it('parses valid dates', () => {
    expect(parseYmd('20160101')).toEqual({ date: '2016-01-01', invalid: false });
    expect(parseYmd('20240229')).toEqual({ date: '2024-02-29', invalid: false });
  });

  it('treats empty and all-zero dates as missing, not invalid', () => {
    expect(parseYmd('')).toEqual({ date: null, invalid: false });
    expect(parseYmd(undefined)).toEqual({ date: null, invalid: false });
    expect(parseYmd('00000000')).toEqual({ date: null, invalid: false });
  });

  it('rejects impossible and malformed dates', () => {
    for (const raw of ['20230229', '20151301', '20150100', '2015-01-01', '1015010', '16000101']) {
      expect(parseYmd(raw)).toEqual({ date: null, invalid: true });
    }
  });
});

describe('cleanText', () => {
  it('NFC-normalises, trims and collapses whitespace; empty becomes null', () => {
    expect(cleanText('  MU\u0308LLER\r\n  GMBH ')).toBe('MÜLLER GMBH');
    expect(cleanText(' \t ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });
});

describe('hasInvalidCharacters', () => {
  it('flags characters XML 1.0 and PostgreSQL cannot carry', () => {
    expect(hasInvalidCharacters('A\u0000B')).toBe(true);
    expect(hasInvalidCharacters('A\u0001B')).toBe(true);
    expect(hasInvalidCharacters('\uD800')).toBe(true);
    expect(hasInvalidCharacters('Société 😀\t\n')).toBe(false);
  });
});
