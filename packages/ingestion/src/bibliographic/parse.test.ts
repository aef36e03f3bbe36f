import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConcatenatedXmlStream, type CapturedDocument } from './document-stream';
import { docTypeOfRoot, mapDocument, type MappedDocument } from './mapper';

const samplesRoot = join(import.meta.dirname, '../../../../data/samples');
const sampleFiles = ['uspto-grants', 'uspto-applications'].flatMap((folder) =>
  readdirSync(join(samplesRoot, folder)).map((name) => join(samplesRoot, folder, name)),
);

function parse(
  input: Buffer,
  chunkSize: number,
): { documents: CapturedDocument[]; mapped: MappedDocument[] } {
  const documents: CapturedDocument[] = [];
  const stream = new ConcatenatedXmlStream((document) => documents.push(document));
  for (let at = 0; at < input.length; at += chunkSize) stream.write(input.subarray(at, at + chunkSize));
  stream.end();
  return { documents, mapped: documents.filter((d) => docTypeOfRoot(d.root)).map(mapDocument) };
}

/** Independent count by plain text search: documents split on declarations, then tags counted per document. */
function countByText(text: string) {
  const documents = text.split(/(?=<\?xml\s)/).filter((part) => part.trim());
  let patents = 0;
  let others = 0;
  let inventors = 0;
  let assignees = 0;
  for (const document of documents) {
    if (!/<(us-patent-grant|us-patent-application)\s/.test(document)) {
      others += 1;
      continue;
    }
    patents += 1;
    const listed = (document.match(/<inventor\s/g) ?? []).length;
    inventors += listed || (document.match(/app-type="applicant-inventor"/g) ?? []).length;
    const printed = (document.match(/<assignee>/g) ?? []).length;
    assignees +=
      printed || (document.match(/applicant-authority-category="(obligated-)?assignee"/g) ?? []).length;
  }
  return { patents, others, inventors, assignees };
}

describe('bibliographic document stream and mappers', () => {
  it.each(sampleFiles.map((file) => [file.split('/').slice(-2).join('/'), file]))(
    '%s: documents, inventors and assignees equal an independent count',
    (_name, file) => {
      const input = readFileSync(file);
      const expected = countByText(input.toString('utf8'));
      const { documents, mapped } = parse(input, 64 * 1024);
      const records = mapped.map((m) => m.record).filter((r) => r !== null);
      expect(records).toHaveLength(expected.patents);
      expect(documents.length - mapped.length).toBe(expected.others);
      expect(records.reduce((n, r) => n + r.inventors.length, 0)).toBe(expected.inventors);
      expect(records.reduce((n, r) => n + r.assigneeNames.length, 0)).toBe(expected.assignees);
      expect(mapped.flatMap((m) => m.issues)).toEqual([]);
    },
  );

  it('gives the same documents whatever the chunk boundaries (declarations and UTF-8 split across chunks)', () => {
    const input = readFileSync(join(samplesRoot, 'uspto-grants/ipgb20221025_testassembled_11docs.xml'));
    const reference = parse(input, 1 << 20).mapped;
    for (const chunkSize of [1, 3, 5, 6, 4093]) expect(parse(input, chunkSize).mapped).toEqual(reference);
  });

  it('covers every DTD version of the samples, utility, design, plant, reissue and SIR documents', () => {
    const records = sampleFiles.flatMap((file) =>
      parse(readFileSync(file), 65536).mapped.map((m) => m.record!),
    );
    expect(new Set(records.map((r) => r.dtdVersion?.split(' ')[0]))).toEqual(
      new Set(['v4.1', 'v4.2', 'v4.4', 'v4.5', 'v4.6', 'v4.7']),
    );
    expect(new Set(records.map((r) => r.applicationType))).toEqual(
      new Set(['utility', 'design', 'plant', 'reissue', 'sir']),
    );
    expect(new Set(records.map((r) => r.grantKind ?? r.pgpubKind))).toEqual(
      new Set(['B1', 'B2', 'S1', 'P2', 'E1', 'H1', 'A1', 'A2']),
    );
  });

  it('normalises numbers so they join the assignment data, and maps titles, dates, parties', () => {
    const grants = parse(
      readFileSync(join(samplesRoot, 'uspto-grants/ipgb20221025_testassembled_11docs.xml')),
      65536,
    ).mapped.map((m) => m.record!);
    const plant = grants.find((r) => r.grantKind === 'P2')!;
    expect(plant).toMatchObject({
      docType: 'grant',
      grantDocNum: 'PP34694',
      appnoDocNum: '17571093',
      applicationType: 'plant',
      assigneeNames: ['Danziger \u201cDan\u201d Flower Farm'],
    });
    expect(grants.map((r) => r.grantDocNum)).toContain('RE49257');
    expect(grants.map((r) => r.grantDocNum)).toContain('D967598');

    const [sir] = parse(
      readFileSync(join(samplesRoot, 'uspto-grants/ipg060103_small_25grants_2seqlists.xml')),
      65536,
    )
      .mapped.map((m) => m.record!)
      .filter((r) => r.grantKind === 'H1');
    expect(sir).toMatchObject({ grantDocNum: 'H2140', grantDate: '2006-01-03', appnoDocNum: '09831579' });
    expect(sir!.inventors[0]).toMatchObject({ sequence: 1 });

    const [grant] = parse(
      readFileSync(join(samplesRoot, 'uspto-grants/US11646472-20230509.XML')),
      65536,
    ).mapped;
    expect(grant!.record).toMatchObject({
      grantDocNum: '11646472',
      grantKind: 'B2',
      grantDate: '2023-05-09',
      appnoDocNum: '17248024',
      appnoDate: '2021-01-05',
      title: 'Making lithium metal\u2014seawater battery cells having protected lithium electrodes',
      claimsCount: 17,
      assigneeNames: ['PolyPlus Battery Company'],
    });
    expect(grant!.record!.inventors[3]).toEqual({
      sequence: 4,
      name: 'De Jonghe, Lutgard C.',
      familyName: 'De Jonghe',
      givenName: 'Lutgard C.',
      city: 'Lafayette',
      state: 'CA',
      country: 'US',
    });

    const designs = parse(
      readFileSync(join(samplesRoot, 'uspto-grants/ipg120327_18designs_USD0656296-USD0656313.xml')),
      65536,
    ).mapped.map((m) => m.record!);
    // An assignee written without <addressbook> (DTD v4.2).
    expect(designs.find((r) => r.grantDocNum === 'D656301')!.assigneeNames).toEqual([
      'The Vermont Teddy Bear Company, Inc.',
    ]);

    const [application] = parse(
      readFileSync(join(samplesRoot, 'uspto-applications/US20150075015A2-20150319.XML')),
      65536,
    ).mapped;
    expect(application!.record).toMatchObject({
      docType: 'application',
      pgpubDocNum: '20150075015',
      pgpubKind: 'A2',
      pgpubDate: '2015-03-19',
      grantDocNum: null,
      appnoDocNum: '14266913',
    });
    // v4.4 prints the applicant-inventor and the inventor: one inventor, not two.
    expect(application!.record!.inventors.map((i) => i.name)).toEqual(['Bucco, Thomas J.']);
  });

  it('skips a malformed document with a parse error and keeps parsing the next one', () => {
    const file = readFileSync(join(samplesRoot, 'uspto-grants/ipg211019_US11147202-US11147203.xml'), 'utf8');
    const second = file.indexOf('<?xml', 10);
    const broken = file.slice(0, 2000) + '\n' + file.slice(second);
    const { mapped } = parse(Buffer.from(broken), 4096);
    expect(mapped).toHaveLength(2);
    expect(mapped[0]!.record).toBeNull();
    expect(mapped[0]!.issues).toMatchObject([
      { severity: 'error', errorType: 'parse', recordIdentifier: '11147202', location: 'document 1' },
    ]);
    expect(mapped[1]!.record?.grantDocNum).toBe('11147203');
  });

  it('rejects a document without an application number and warns on invalid dates, unknown kinds and entities', () => {
    const document = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v47-2022-02-17.dtd" [ ]>\n` +
      `<us-patent-grant dtd-version="v4.7 2022-02-17"><us-bibliographic-data-grant>${body}</us-bibliographic-data-grant></us-patent-grant>\n`;
    const publication = (number: string, kind: string, date: string) =>
      `<publication-reference><document-id><country>US</country><doc-number>${number}</doc-number><kind>${kind}</kind><date>${date}</date></document-id></publication-reference>`;
    const input =
      document(publication('11000001', 'B2', '20230404')) +
      document(
        publication('11000002', 'Z9', '20231345') +
          '<application-reference appl-type="utility"><document-id><doc-number>17000002</doc-number></document-id></application-reference>' +
          '<invention-title>Widget &bogus; holder</invention-title>',
      );
    const { mapped } = parse(Buffer.from(input), 100);
    expect(mapped[0]).toMatchObject({
      record: null,
      issues: [{ severity: 'error', errorType: 'validation' }],
    });
    expect(mapped[1]!.record).toMatchObject({
      grantDocNum: '11000002',
      grantDate: null,
      title: 'Widget ? holder',
    });
    expect(mapped[1]!.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', 'Unknown entity &bogus; replaced by ?'],
      ['warning', "Unknown grant kind 'Z9'"],
      ['warning', "Invalid publication date '20231345' stored as null"],
    ]);
  });
});
