import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapAssignment, type AssignmentRecord } from '../assignments/mapping';
import { AssignmentXmlParser } from '../assignments/parser';
import { openSourceEntry } from '../common/source-reader';
import { chainOfTitle, writeAssignmentFile, zipFile, type AssignmentSpec } from './assignment-xml';
import { AssignmentCorpus } from './corpus';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pt-gen-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parseAll(xml: string): AssignmentRecord[] {
  const parser = new AssignmentXmlParser();
  parser.write(xml);
  parser.close();
  return parser.records.map((raw) => {
    const result = mapAssignment(raw);
    if (!result.ok || result.warnings.length) throw new Error(`generated record ${raw.ordinal} is not clean`);
    return result.record;
  });
}

describe('assignment XML generator', () => {
  it('writes exactly the described chain, which parses back to the same facts', async () => {
    const chain: AssignmentSpec[] = [
      {
        reel: 500000,
        frame: 1,
        conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        recordedDate: '2020-01-10',
        assignors: [{ name: 'SMITH, JOHN', executionDate: '2020-01-02' }],
        assignees: [{ name: 'ALPHA & SONS INC.', city: 'AUSTIN', state: 'TEXAS' }],
        properties: [{ appno: '16123456', filingDate: '2019-05-01', title: 'Gear <small>' }],
      },
      {
        reel: 500000,
        frame: 9,
        conveyanceText: 'MERGER (SEE DOCUMENT FOR DETAILS).',
        recordedDate: '2021-03-01',
        assignors: [{ name: 'ALPHA & SONS INC.', executionDate: '2021-02-01' }],
        assignees: [{ name: 'BETA HOLDINGS LLC', country: 'GERMANY' }],
        properties: [
          {
            appno: '16123456',
            grant: '11000001',
            grantKind: 'B2',
            issueDate: '2021-01-05',
            title: 'Gear <small>',
          },
        ],
      },
    ];
    const path = join(dir, 'ad20210301.xml');
    await writeAssignmentFile(path, '2021-03-01', chain);
    const records = parseAll(await readFile(path, 'utf8'));
    expect(records.map((r) => r.rfId)).toEqual(['500000-0001', '500000-0009']);
    expect(records[0]!.assignees[0]!.eeName).toBe('ALPHA & SONS INC.');
    expect(records[1]!.assignors[0]!.orName).toBe(records[0]!.assignees[0]!.eeName);
    expect(records[1]!.documents[0]).toMatchObject({
      appnoDocNum: '16123456',
      grantDocNum: '11000001',
      title: 'Gear <small>',
    });
  });

  it('builds scenario chains with consecutive keys and the USPTO wording of each conveyance', async () => {
    const patents = [{ appno: '15000001', grant: '10000001', grantKind: 'B2', title: 'Widget' }];
    const specs = chainOfTitle(
      patents,
      [
        {
          conveyance: 'assignment',
          from: ['DOE, JANE', 'ROE, RICHARD'],
          to: 'ACME INC.',
          executed: '2018-01-05',
        },
        { conveyance: 'security', from: 'ACME INC.', to: 'FIRST BANK, N.A.', executed: '2019-03-01' },
        {
          conveyance: 'release',
          from: 'FIRST BANK, N.A.',
          to: 'ACME INC.',
          executed: '2020-03-01',
          recorded: '2020-03-02',
        },
        {
          conveyance: 'JOINT DEVELOPMENT AGREEMENT',
          from: 'ACME INC.',
          to: 'OTHER LLC',
          executed: '2021-01-01',
        },
      ],
      { reel: 600000 },
    );
    const path = join(dir, 'ad20210401.xml');
    await writeAssignmentFile(path, '2021-04-01', specs);
    const records = parseAll(await readFile(path, 'utf8'));
    expect(records.map((r) => [r.rfId, r.conveyText, r.recordDt])).toEqual([
      ['600000-0001', 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).', '2018-02-04'],
      ['600000-0011', 'SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).', '2019-03-31'],
      ['600000-0021', 'RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).', '2020-03-02'],
      ['600000-0031', 'JOINT DEVELOPMENT AGREEMENT', '2021-01-31'],
    ]);
    expect(records[0]!.assignors.map((a) => a.orName)).toEqual(['DOE, JANE', 'ROE, RICHARD']);
    expect(records.every((r) => r.documents[0]!.grantDocNum === '10000001')).toBe(true);
  });

  it('produces realistic chains: later records transfer patents that earlier records assigned', () => {
    const corpus = new AssignmentCorpus({ seed: 42 });
    const day1 = [...corpus.records(400, '2024-01-02')];
    const day2 = [...corpus.records(400, '2024-01-03')];
    const firstOwner = new Map<string, string>();
    for (const spec of day1)
      for (const p of spec.properties)
        if (!firstOwner.has(p.appno!)) firstOwner.set(p.appno!, spec.assignees[0]!.name);
    const continued = day2.filter((spec) =>
      spec.properties.some(
        (p) => firstOwner.has(p.appno!) && spec.assignors.some((a) => a.name === firstOwner.get(p.appno!)),
      ),
    );
    expect(continued.length).toBeGreaterThan(0);
    const keys = [...day1, ...day2].map((s) => `${s.reel}/${s.frame}`);
    expect(new Set(keys).size).toBe(keys.length);
    const conveyances = new Set([...day1, ...day2].map((s) => s.conveyanceText.split(' (')[0]));
    expect(conveyances).toContain('SECURITY INTEREST');
    expect(conveyances).toContain('MERGER');
  });

  it('is deterministic for a seed', () => {
    const a = [...new AssignmentCorpus({ seed: 5 }).records(50, '2024-01-02')];
    const b = [...new AssignmentCorpus({ seed: 5 }).records(50, '2024-01-02')];
    expect(a).toEqual(b);
  });

  it('writes a ZIP the reader streams back', async () => {
    const xml = join(dir, 'ad20240105.xml');
    const { records } = await writeAssignmentFile(
      xml,
      '2024-01-05',
      new AssignmentCorpus({ seed: 1 }).records(30, '2024-01-05'),
    );
    await zipFile(xml, join(dir, 'ad20240105.zip'));
    const entry = await openSourceEntry(join(dir, 'ad20240105.zip'));
    let text = '';
    for await (const chunk of entry.stream) text += (chunk as Buffer).toString('utf8');
    expect(entry.name).toBe('ad20240105.xml');
    expect(parseAll(text)).toHaveLength(records);
  });
});
