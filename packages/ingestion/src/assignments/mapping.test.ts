import { describe, expect, it } from 'vitest';
import { mapAssignment } from './mapping';
import type { RawAssignment } from './parser';

const raw = (overrides: Partial<RawAssignment> = {}): RawAssignment => ({
  ordinal: 7,
  reelNo: '37388',
  frameNo: '92',
  lastUpdateDate: '20160101',
  purgeIndicator: 'N',
  recordedDate: '20151230',
  pageCount: '3',
  correspondent: { name: 'CHRISTIE, PARKER & HALE, LLP', address1: 'PO BOX 29001' },
  conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
  assignors: [
    { name: 'WEINSTEIN,   DAMON', executionDate: '20060330' },
    { name: 'SEGALL, TIMOTHY R.', executionDate: '20060329' },
  ],
  assignees: [
    { name: 'SOUNDBITE COMMUNICATIONS CORPORATION', city: 'BURLINGTON', countryName: 'KOREA, REPUBLIC OF' },
  ],
  properties: [
    {
      documentIds: [
        { country: 'US', docNumber: '14678893', kind: 'X0', date: '20150403' },
        { country: 'US', docNumber: '20150215460', kind: 'A1', date: '20150730' },
        { country: 'US', docNumber: 'D0507094', kind: 'S1', date: '20151222' },
      ],
      title: 'Method  and System',
      titleLang: 'en',
    },
  ],
  problems: [],
  ...overrides,
});

function mapped(overrides: Partial<RawAssignment> = {}) {
  const result = mapAssignment(raw(overrides));
  if (!result.ok) throw new Error(`unexpected failure: ${result.error.message}`);
  return result;
}

describe('mapAssignment', () => {
  it('maps the header with a canonical rf_id and the earliest execution date', () => {
    const { record, warnings } = mapped();
    expect(warnings).toEqual([]);
    expect(record).toMatchObject({
      rfId: '037388-0092',
      reelNo: 37388,
      frameNo: 92,
      recordDt: '2015-12-30',
      lastUpdateDt: '2016-01-01',
      execDt: '2006-03-29',
      pageCount: 3,
      cname: 'CHRISTIE, PARKER & HALE, LLP',
      caddress1: 'PO BOX 29001',
      status: 'active',
    });
  });

  it('keeps raw party names and derives normalized entity keys', () => {
    const { record } = mapped();
    expect(record.assignors[0]).toMatchObject({
      seq: 1,
      orName: 'WEINSTEIN, DAMON',
      nameKey: 'weinstein, damon',
    });
    expect(record.assignees[0]).toMatchObject({
      eeName: 'SOUNDBITE COMMUNICATIONS CORPORATION',
      entityName: 'Soundbite Communications Corp',
      nameKey: 'soundbite communications corp',
      country: 'KOREA, REPUBLIC OF',
    });
  });

  it('sorts document ids by kind and normalizes their numbers', () => {
    expect(mapped().record.documents).toEqual([
      {
        propertySeq: 1,
        appnoDocNum: '14678893',
        appnoDate: '2015-04-03',
        appnoCountry: 'US',
        pgpubDocNum: '20150215460',
        pgpubDate: '2015-07-30',
        pgpubCountry: 'US',
        grantDocNum: 'D507094',
        grantDate: '2015-12-22',
        grantCountry: 'US',
        grantKind: 'S1',
        title: 'Method and System',
        titleLang: 'en',
      },
    ]);
  });

  it('turns purge-indicator Y into status void, keeping the record', () => {
    expect(mapped({ purgeIndicator: 'Y' }).record.status).toBe('void');
  });

  it('stores an impossible date as null with a warning', () => {
    const { record, warnings } = mapped({ recordedDate: '20150231' });
    expect(record.recordDt).toBeNull();
    expect(warnings).toMatchObject([
      {
        severity: 'warning',
        recordIdentifier: '037388-0092',
        message: expect.stringMatching(/recorded date/),
      },
    ]);
  });

  it.each([
    [{ reelNo: undefined }, 'missing', '?/92'],
    [{ frameNo: '9x' }, 'non-numeric', '37388/9x'],
    [{ reelNo: '', frameNo: '' }, 'missing', 'record #7'],
  ])('rejects an unkeyable record %j', (overrides, what, identifier) => {
    const result = mapAssignment(raw(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({
        severity: 'error',
        errorType: 'validation',
        recordIdentifier: identifier,
      });
      expect(result.error.message).toContain(what);
      expect(result.error.raw).toMatchObject({ ordinal: 7 });
    }
  });

  it('rejects a record with characters that cannot be stored', () => {
    const result = mapAssignment(raw({ assignors: [{ name: 'NUL\u0000NAME' }] }));
    expect(result).toMatchObject({ ok: false, error: { errorType: 'parse' } });
    expect(mapAssignment(raw({ problems: ['1:5: disallowed character.'] }))).toMatchObject({ ok: false });
  });

  it('skips empty parties and number-less properties with warnings', () => {
    const { record, warnings } = mapped({
      assignors: [{ name: '  ' }, { name: 'DOE, JANE' }],
      properties: [{ documentIds: [{ kind: 'X0', docNumber: 'PCT/US2015/1' }] }, ...raw().properties],
    });
    expect(record.assignors).toMatchObject([{ seq: 1, orName: 'DOE, JANE' }]);
    expect(record.documents.map((d) => d.propertySeq)).toEqual([2]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Assignor 1 has an empty name and was skipped',
      'Property 1 has no usable document number; skipped',
    ]);
  });

  it('warns about records without parties or recorded date', () => {
    const { warnings } = mapped({ assignors: [], assignees: [], recordedDate: undefined });
    expect(warnings.map((w) => w.message)).toEqual(['No assignors', 'No assignees', 'No recorded date']);
  });

  it('hashes content: equal records share a hash, any change alters it', () => {
    expect(mapped().record.recordHash).toBe(mapped().record.recordHash);
    expect(mapped({ conveyanceText: 'MERGER' }).record.recordHash).not.toBe(mapped().record.recordHash);
    expect(mapped({ purgeIndicator: 'Y' }).record.recordHash).not.toBe(mapped().record.recordHash);
  });
});
