import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maintenanceLine } from './generator';
import { detectMaintenanceLayout, patentNumberOf, sliceMaintenanceLine } from './layout';

const samples = join(import.meta.dirname, '../../../../data/samples/uspto-maintenance');
const linesOf = (name: string) => readFileSync(join(samples, name), 'latin1').split('\r\n').filter(Boolean);

describe('maintenance fixed-width layout', () => {
  it('cuts the real current-layout row by column (ingestion.md §3.5)', () => {
    expect(
      sliceMaintenanceLine('0000004291808 06215853 N 19801212 19810929 19851031 EXP. ', 'current'),
    ).toEqual({
      patentNumber: '0000004291808',
      applicationNumber: '06215853',
      entityStatus: 'N',
      filingDate: '19801212',
      grantDate: '19810929',
      eventDate: '19851031',
      eventCode: 'EXP. ',
    });
  });

  it('cuts the real 2015 row with the 7-character patent number 6 columns to the left', () => {
    expect(sliceMaintenanceLine('4287053 06218896 N 19801222 19810901 19881222 M171 ', 'legacy')).toEqual({
      patentNumber: '4287053',
      applicationNumber: '06218896',
      entityStatus: 'N',
      filingDate: '19801222',
      grantDate: '19810901',
      eventDate: '19881222',
      eventCode: 'M171 ',
    });
  });

  it('keeps blank fields in place instead of shifting the columns after them', () => {
    const line = '0000004291808          N          19810929 19851031 EXP.';
    expect(sliceMaintenanceLine(line, 'current')).toMatchObject({
      applicationNumber: '        ',
      filingDate: '        ',
      grantDate: '19810929',
      eventCode: 'EXP.',
    });
    expect(sliceMaintenanceLine('0000004291808 06215853 N 19801212 19810929 1985103', 'current')).toBeNull();
  });

  it('normalizes padded patent numbers like the rest of the code', () => {
    expect(patentNumberOf('0000004291808')).toBe('4291808');
    expect(patentNumberOf('000000RE35000')).toBe('RE35000');
    expect(patentNumberOf('00000D0512345')).toBe('D512345');
    expect(patentNumberOf('000000PP12345')).toBe('PP12345');
    expect(patentNumberOf('4287053 06218')).toBeNull();
    expect(patentNumberOf('0000000000000')).toBeNull();
  });

  it('the generator writes the documented columns for both layouts', () => {
    const spec = {
      patent: 'RE35000',
      appno: '08222222',
      entity: 'N',
      filingDate: '19930405',
      grantDate: '19950307',
      eventDate: '19980901',
      code: 'M184',
    } as const;
    expect(maintenanceLine(spec)).toBe('000000RE35000 08222222 N 19930405 19950307 19980901 M184 ');
    expect(maintenanceLine({ ...spec, patent: '4287053' }, 'legacy')).toBe(
      '4287053 08222222 N 19930405 19950307 19980901 M184 ',
    );
  });

  it('detects the layout of each sample file, and of the real rows alone', () => {
    expect(detectMaintenanceLayout(linesOf('MaintFeeEvents_20250428_sample.txt'))).toBe('current');
    expect(detectMaintenanceLayout(linesOf('MaintFeeEvents_20150223_legacy_sample.txt'))).toBe('legacy');
    expect(
      detectMaintenanceLayout(['0000004291808 06215853 N 19801212 19810929 19851031 EXP. ', '', '   ']),
    ).toBe('current');
    expect(detectMaintenanceLayout(['4287053 06218896 N 19801222 19810901 19881222 M171 '])).toBe('legacy');
  });

  it('refuses a file that neither layout reads for 90 % of its first lines', () => {
    const good = linesOf('MaintFeeEvents_20250428_sample.txt');
    // The tab-delimited reading of the feed an earlier analysis assumed: unpadded numbers, no fixed columns.
    const garbage = good.map((line) =>
      line
        .trim()
        .split(' ')
        .map((f) => f.replace(/^0+/, ''))
        .join('\t'),
    );
    expect(detectMaintenanceLayout(garbage)).toBeNull();
    expect(detectMaintenanceLayout(['4291808,06215853,N,19801212,19810929,19851031,EXP.'])).toBeNull();
    expect(detectMaintenanceLayout([])).toBeNull();
    // 3 bad lines of 30 still leave 90 %.
    const mostly = [...good.slice(0, 27), 'x', 'y', 'z'];
    expect(detectMaintenanceLayout(mostly)).toBe('current');
    expect(detectMaintenanceLayout([...good.slice(0, 26), 'w', 'x', 'y', 'z'])).toBeNull();
  });
});
