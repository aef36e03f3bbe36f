import { describe, expect, it } from 'vitest';
import { bibliographicFileDate } from './ingest';
import { segmentsWithDistinctKeys } from './loader';
import type { BibliographicRecord } from './types';

describe('bibliographic file helpers', () => {
  it.each([
    ['ipgb20221025_wk43.zip', '2022-10-25'],
    ['ipgb20221025.xml', '2022-10-25'],
    ['ipg211019.xml', '2021-10-19'],
    ['ipab20220728_wk30.zip', '2022-07-28'],
    ['ipa220728_US20220240350A1-US20220240351A1_concatenated.xml', '2022-07-28'],
    ['US11646472-20230509.XML', null],
    ['ipg2110190.xml', null],
  ])('file date of %s is %s', (name, date) => {
    expect(bibliographicFileDate(name)).toBe(date);
  });

  const record = (docType: BibliographicRecord['docType'], appnoDocNum: string, title: string) =>
    ({ docType, appnoDocNum, title }) as BibliographicRecord;

  it('cuts a batch before each repeated key so that every upsert sees distinct keys, in file order', () => {
    const batch = [
      record('grant', '1', 'a'),
      record('grant', '2', 'b'),
      record('application', '1', 'c'),
      record('grant', '1', 'd'),
      record('grant', '3', 'e'),
      record('grant', '1', 'f'),
    ];
    expect(segmentsWithDistinctKeys(batch).map((segment) => segment.map((r) => r.title).join(''))).toEqual([
      'abc',
      'de',
      'f',
    ]);
    expect(segmentsWithDistinctKeys([])).toEqual([]);
  });
});
