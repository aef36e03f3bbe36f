import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestionError } from '../common/errors';
import { cpcSymbol, mapMasterRecord } from './master-file-mapping';
import { MasterFileParser, type RawMasterRecord } from './master-file-parser';
import { SchemeParser, type SchemeRow } from './scheme-parser';
import { TitleListParser } from './title-list-parser';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../data/samples/uspto-cpc');
const MASTER = readFileSync(path.join(SAMPLES, 'US_Grant_CPC_MCF_XML_sample_US9400000.xml'), 'utf8');
const SCHEME = readFileSync(path.join(SAMPLES, 'cpc-scheme-A01L.xml'), 'utf8');

/** Feeds `text` in small pieces, as a stream would, so no field may rely on arriving in one chunk. */
function feed<P extends { write(chunk: string): void; close(): void }>(
  parser: P,
  text: string,
  size = 37,
): P {
  for (let i = 0; i < text.length; i += size) parser.write(text.slice(i, i + size));
  parser.close();
  return parser;
}

const parseMaster = (text: string): RawMasterRecord[] =>
  feed(new MasterFileParser('entry.xml'), text).records;

describe('CPC master classification parser (ST.96, local names)', () => {
  it('reads the record of the sample: numbers, grant block and every classification', () => {
    const [record, ...rest] = parseMaster(MASTER);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      ordinal: 1,
      applicationNumber: '13897484',
      grant: { number: '9400000', kind: 'B2', date: '2016-07-26' },
    });
    const independentCount = MASTER.match(/<pat:CPCClassification>/g)!.length;
    expect(record!.classifications).toHaveLength(independentCount);
    expect(record!.classifications[0]).toEqual({
      versionDate: '2013-01-01',
      section: 'F',
      classCode: '04',
      subclass: 'D',
      mainGroup: '29',
      subgroup: '703',
      symbolPosition: 'F',
      value: 'I',
    });
  });

  it('ignores namespace prefixes, whatever they are', () => {
    const renamed = MASTER.replaceAll('pat:', 'p:').replaceAll('xmlns:pat=', 'xmlns:p=');
    expect(parseMaster(renamed)).toEqual(parseMaster(MASTER));
  });

  it('fails the entry on broken XML or a foreign root', () => {
    expect(() => parseMaster(MASTER.slice(0, 2000) + '</broken>')).toThrow(IngestionError);
    expect(() => parseMaster('<other/>')).toThrow(/unexpected root/);
  });

  it('maps a grant to canonical rows, main symbol first, skipping invalid symbols with a warning', () => {
    const [record] = parseMaster(MASTER);
    const broken = {
      ...record!,
      classifications: [...record!.classifications, { section: 'Z', classCode: '1' }],
    };
    const mapped = mapMasterRecord(broken, 'grant', 'entry.xml');
    expect(mapped.error).toBeNull();
    expect(mapped.rows[0]).toEqual({
      docNum: '9400000',
      pgpubDocNum: null,
      cpcCode: 'F04D29/703',
      symbolPosition: 'F',
      classificationValue: 'I',
      versionDate: '2013-01-01',
    });
    expect(mapped.rows).toHaveLength(record!.classifications.length);
    expect(mapped.warnings).toMatchObject([{ severity: 'warning', message: expect.stringMatching(/Z1/) }]);
  });

  it('keys an application by application number, with its publication number', () => {
    const mapped = mapMasterRecord(
      {
        ordinal: 3,
        applicationNumber: '13/897,484',
        publication: { number: 'US20140123456A1', kind: 'A1' },
        classifications: [{ section: 'H', classCode: '04', subclass: 'W', mainGroup: '12', subgroup: '06' }],
      },
      'application',
      'e.xml',
    );
    expect(mapped.rows).toEqual([
      expect.objectContaining({ docNum: '13897484', pgpubDocNum: '20140123456', cpcCode: 'H04W12/06' }),
    ]);
  });

  it('rejects a record without a document number as an error, and impossible dates as null', () => {
    const mapped = mapMasterRecord({ ordinal: 2, classifications: [] }, 'grant', 'e.xml');
    expect(mapped.error).toMatchObject({ severity: 'error', location: 'e.xml#2' });
    expect(
      mapMasterRecord(
        {
          ordinal: 1,
          grant: { number: '9400000' },
          classifications: [
            {
              section: 'A',
              classCode: '01',
              subclass: 'L',
              mainGroup: '1',
              subgroup: '02',
              versionDate: '2013-02-30',
            },
          ],
        },
        'grant',
        'e.xml',
      ).rows[0]!.versionDate,
    ).toBeNull();
    expect(
      cpcSymbol({ section: 'H', classCode: '04', subclass: 'L', mainGroup: ' 9', subgroup: '32 ' }),
    ).toBe('H04L9/32');
  });
});

const parseScheme = (text: string) => feed(new SchemeParser('cpc-scheme-A01L.xml'), text);

describe('CPC scheme parser', () => {
  it('derives parents, levels and titles, one row per distinct symbol, parents first', () => {
    const { rows, issues } = parseScheme(SCHEME);
    expect(issues).toEqual([]);
    const distinct = new Set([...SCHEME.matchAll(/<classification-symbol>([^<]+)</g)].map((m) => m[1]));
    expect(rows.map((row) => row.cpcCode)).toEqual([...distinct]);
    const byCode = new Map(rows.map((row) => [row.cpcCode, row]));
    expect(byCode.get('A01L')).toMatchObject({
      level: 3,
      parentCode: null,
      subclass: 'L',
      notAllocatable: true,
    });
    // The level-6 wrapper and the level-7 main group are one row, with the main group's title and flags.
    expect(byCode.get('A01L1/00')).toEqual({
      cpcCode: 'A01L1/00',
      section: 'A',
      classCode: '01',
      subclass: 'L',
      mainGroup: '1',
      subgroup: '00',
      parentCode: 'A01L',
      level: 4,
      title: 'Shoes for horses or other solipeds fastened with nails',
      notAllocatable: false,
    });
    expect(byCode.get('A01L1/02')).toMatchObject({ parentCode: 'A01L1/00', level: 5 });
    // Reference texts are left out of titles.
    expect(byCode.get('A01L1/04')!.title).toBe('Solid horseshoes consisting of multiple parts');
    expect(byCode.get('A01L11/00')!.title).toBe("Farriers' tools and appliances");
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.parentCode) expect(seen.has(row.parentCode)).toBe(true);
      seen.add(row.cpcCode);
    }
  });

  it('skips a malformed item with an error and keeps an orphan subgroup with a warning', () => {
    const text = `<class-scheme>
      <classification-item level="7"><classification-symbol>A01L 99/00</classification-symbol>
        <classification-item level="8"><classification-symbol>not a symbol</classification-symbol></classification-item>
      </classification-item>
      <classification-item level="8"><classification-symbol>A01L3/02</classification-symbol>
        <class-title><title-part><text>One</text></title-part><title-part><text>two</text></title-part></class-title>
      </classification-item></class-scheme>`;
    const { rows, issues } = parseScheme(text);
    expect(rows.map((row) => [row.cpcCode, row.parentCode, row.level, row.title])).toEqual([
      ['A01L99/00', null, 4, null],
      ['A01L3/02', null, 5, 'One; two'],
    ]);
    expect(issues.map((issue) => [issue.severity, issue.recordIdentifier])).toEqual([
      ['error', 'notasymbol'],
      ['warning', 'A01L3/02'],
    ]);
  });
});

/** The title list of a scheme: symbol, dots below the main group, title; tab-separated, CRLF line ends. */
function titleListOf(rows: readonly SchemeRow[]): string {
  return rows
    .map((row) =>
      [row.cpcCode, row.subgroup && row.subgroup !== '00' ? row.level - 4 : '', row.title ?? ''].join('\t'),
    )
    .join('\r\n');
}

const parseTitleList = (text: string) => feed(new TitleListParser('cpc-section-A_20250101.txt'), text);

describe('CPC title-list parser (the release fallback)', () => {
  it('derives the same rows as the scheme XML, apart from allocatability the list does not carry', () => {
    const scheme = parseScheme(SCHEME).rows;
    const { rows, issues, publicationDate } = parseTitleList(titleListOf(scheme));
    expect(issues).toEqual([]);
    expect(publicationDate).toBe('2025-01-01');
    expect(rows).toEqual(scheme.map((row) => ({ ...row, notAllocatable: false })));
  });

  it('takes parents from the dots, skips a malformed line with an error and keeps an orphan with a warning', () => {
    const { rows, issues } = parseTitleList(
      [
        'A01L3/02\t1\tOrphan',
        'A\t\tHUMAN NECESSITIES',
        'A01\t\tAGRICULTURE',
        'A01L\t\tSHOEING OF ANIMALS',
        'A01L 1/00\t\tShoes for horses',
        'A01L1/02\t1\tShoes with hooks',
        'A01L1/04\t2\tSolid horseshoes',
        'not a symbol\t1\tBroken',
        'A01L1/06\t1\tLightweight shoes',
        '',
      ].join('\n'),
    );
    expect(rows.map((row) => [row.cpcCode, row.parentCode, row.level])).toEqual([
      ['A01L3/02', null, 5],
      ['A', null, 1],
      ['A01', 'A', 2],
      ['A01L', 'A01', 3],
      ['A01L1/00', 'A01L', 4],
      ['A01L1/02', 'A01L1/00', 5],
      ['A01L1/04', 'A01L1/02', 6],
      ['A01L1/06', 'A01L1/00', 5],
    ]);
    expect(issues.map((issue) => [issue.severity, issue.recordIdentifier])).toEqual([
      ['warning', 'A01L3/02'],
      ['error', 'notasymbol'],
    ]);
  });

  it('rejects an entry without a line', () => {
    expect(() => parseTitleList('\n\n')).toThrow(IngestionError);
  });
});
