import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';

describe('CSV export (Part D)', () => {
  const columns = [
    { header: 'Number', value: (row: { n: string; t: string | null }) => row.n },
    { header: 'Title', value: (row: { n: string; t: string | null }) => row.t },
  ];

  it('starts with a BOM and a header row, CRLF line ends', () => {
    expect(toCsv([{ n: '10224138', t: 'Widget' }], columns)).toBe(
      '\uFEFFNumber,Title\r\n10224138,Widget\r\n',
    );
  });

  it('quotes separators, quotes and line breaks; empty for null', () => {
    expect(
      toCsv(
        [
          { n: 'a,b', t: 'say "hi"\nthere' },
          { n: 'x', t: null },
        ],
        columns,
      ),
    ).toBe('\uFEFFNumber,Title\r\n"a,b","say ""hi""\nthere"\r\nx,\r\n');
  });

  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv([{ n: '=SUM(A1)', t: '-12' }], columns)).toBe("\uFEFFNumber,Title\r\n'=SUM(A1),-12\r\n");
  });

  it('names the file {org}-{view}-{YYYY-MM-DD}.csv', () => {
    expect(csvFileName('PatenTrack Demo', 'assets', new Date('2026-03-04T10:00:00Z'))).toBe(
      'patentrack-demo-assets-2026-03-04.csv',
    );
  });
});
