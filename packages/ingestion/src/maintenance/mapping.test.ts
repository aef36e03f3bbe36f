import { describe, expect, it } from 'vitest';
import { mapMaintenanceLine } from './mapping';

const REAL = '0000004291808 06215853 N 19801212 19810929 19851031 EXP. ';

describe('mapMaintenanceLine', () => {
  it('maps the real row to a canonical event', () => {
    expect(mapMaintenanceLine(REAL, 'current', 1)).toEqual({
      ok: true,
      record: {
        grantDocNum: '4291808',
        eventDate: '1985-10-31',
        eventCode: 'EXP.',
        appnoDocNum: '06215853',
        entityStatus: 'N',
        filingDate: '1980-12-12',
        grantDate: '1981-09-29',
      },
      warnings: [],
    });
  });

  it('keeps the micro-entity flag and tolerates trailing blanks and a shorter unpadded code', () => {
    const result = mapMaintenanceLine(
      '0000010500000 15123456 M 20170105 20191210 20230607 M3551     ',
      'current',
      2,
    );
    expect(result).toMatchObject({ ok: true, record: { entityStatus: 'M', eventCode: 'M3551' } });
    expect(mapMaintenanceLine(REAL.trimEnd(), 'current', 3)).toMatchObject({
      ok: true,
      record: { eventCode: 'EXP.' },
    });
  });

  it.each([
    ['a line too short', '0000004291808 06215853 N 19801212', 'parse', null, 'Line too short'],
    [
      'an invalid patent number',
      REAL.replace('0000004291808', '00000042918X8'),
      'validation',
      '00000042918X8',
      'Invalid patent number',
    ],
    [
      'an impossible event date',
      REAL.replace('19851031', '19850231'),
      'validation',
      '4291808',
      'Invalid event entry date',
    ],
    [
      'an empty event code',
      `${REAL.slice(0, 52)}     `,
      'validation',
      '4291808',
      'Empty or invalid event code',
    ],
  ])('%s is an error naming the line', (_case, line, errorType, identifier, message) => {
    const result = mapMaintenanceLine(line, 'current', 17);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      severity: 'error',
      errorType,
      recordIdentifier: identifier,
      location: 'line 17',
    });
    expect(result.error.message).toContain(message);
  });

  it('stores invalid optional fields as NULL with one warning each', () => {
    const line = '0000004291808 0621585X Q 19801312 00000000 19851031 EXP. ';
    const result = mapMaintenanceLine(line, 'current', 9);
    expect(result).toMatchObject({
      ok: true,
      record: {
        grantDocNum: '4291808',
        appnoDocNum: null,
        entityStatus: null,
        filingDate: null,
        grantDate: null,
      },
    });
    if (!result.ok) return;
    // `00000000` is "no date", not an invalid one.
    expect(result.warnings.map((w) => [w.severity, w.message])).toEqual([
      ['warning', 'Invalid application number; stored as NULL'],
      ['warning', "Unknown small-entity indicator 'Q'; stored as NULL"],
      ['warning', 'Invalid application filing date; stored as NULL'],
    ]);
  });
});
