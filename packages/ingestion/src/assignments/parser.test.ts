import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IngestionError } from '../common/errors';
import { assignmentXml, emptyDayXml, type AssignmentSpec } from '../generator/assignment-xml';
import { AssignmentXmlParser, type RawAssignment } from './parser';

const SAMPLE = join(
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..'),
  'data/samples/uspto-assignments/ad20160101_records001-133.xml',
);
const sample = readFileSync(SAMPLE, 'utf8');

function parse(
  xml: string,
  chunkSize = 64 * 1024,
): { parser: AssignmentXmlParser; records: RawAssignment[] } {
  const parser = new AssignmentXmlParser();
  const records: RawAssignment[] = [];
  for (let i = 0; i < xml.length; i += chunkSize) {
    parser.write(xml.slice(i, i + chunkSize));
    records.push(...parser.records.splice(0));
  }
  parser.close();
  records.push(...parser.records.splice(0));
  return { parser, records };
}

const spec: AssignmentSpec = {
  reel: 12,
  frame: 34,
  conveyanceText: 'MERGER (SEE DOCUMENT FOR DETAILS).',
  recordedDate: '2020-01-02',
  assignors: [{ name: 'OLD CO', executionDate: '2019-12-31' }],
  assignees: [{ name: 'NEW CO', city: 'PARIS', country: 'FRANCE' }],
  properties: [{ appno: '16000001', grant: '10999999', grantKind: 'B1', title: 'Thing' }],
};

function wrap(records: string): string {
  return emptyDayXml('2020-01-03').replace(
    '  <data-available-code>N</data-available-code>\r\n',
    `  <patent-assignments>\r\n${records}  </patent-assignments>\r\n`,
  );
}

describe('AssignmentXmlParser on the real daily sample', () => {
  const { parser, records } = parse(sample);

  it('reads the file header and lets the inline DTD pass', () => {
    expect(parser.header).toEqual({ dtdVersion: '1.0', actionKeyCode: 'DA', transactionDate: '20160101' });
  });

  it('extracts as many records, properties and parties as the file has elements', () => {
    const count = (pattern: RegExp) => (sample.match(pattern) ?? []).length;
    expect(records).toHaveLength(count(/<patent-assignment>/g));
    expect(records.flatMap((r) => r.properties)).toHaveLength(count(/<patent-property>/g));
    expect(records.flatMap((r) => r.properties.flatMap((p) => p.documentIds))).toHaveLength(
      count(/<document-id>/g),
    );
    expect(records.flatMap((r) => r.assignors)).toHaveLength(count(/<patent-assignor>/g));
    expect(records.flatMap((r) => r.assignees)).toHaveLength(count(/<patent-assignee>/g));
    expect(records.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    expect(parse(sample, 7).records).toEqual(records);
    expect(parse(sample, 1023).records).toEqual(records);
  });

  it('keeps parties, dates and entities of a record', () => {
    expect(records[0]).toMatchObject({
      ordinal: 1,
      reelNo: '37388',
      frameNo: '92',
      recordedDate: '20151230',
      purgeIndicator: 'N',
      correspondent: { name: 'CHRISTIE, PARKER & HALE, LLP' },
      assignors: [{ name: 'WEINSTEIN, DAMON', executionDate: '20060330' }, {}, {}],
      assignees: [{ name: 'SOUNDBITE COMMUNICATIONS, INC.', city: 'BURLINGTON', state: 'MASSACHUSETTS' }],
    });
  });
});

describe('AssignmentXmlParser edge cases', () => {
  it('takes the text content of a title with inline markup', () => {
    const xml = wrap(assignmentXml(spec).replace('>Thing<', '>Thing with <i>italic</i> H<sub>2</sub>O<'));
    expect(parse(xml).records[0]!.properties[0]).toMatchObject({
      title: 'Thing with italic H2O',
      titleLang: 'en',
    });
  });

  it('reports an empty day as data-available-code N with no records', () => {
    const { parser, records } = parse(emptyDayXml('2020-01-04'));
    expect(records).toEqual([]);
    expect(parser.header.dataAvailableCode).toBe('N');
  });

  it('marks a record holding a forbidden character or an unknown entity, and goes on', () => {
    const bad = assignmentXml({ ...spec, frame: 35 })
      .replace('OLD CO', 'OLD &#x1; CO')
      .replace('NEW CO', 'NEW &bogus; CO');
    const { records } = parse(wrap(assignmentXml(spec) + bad + assignmentXml({ ...spec, frame: 36 })));
    expect(records.map((r) => r.problems.length)).toEqual([0, 2, 0]);
    expect(records.map((r) => r.frameNo)).toEqual(['34', '35', '36']);
  });

  it('fails on broken structure, a wrong root element and non-XML input', () => {
    expect(() => parse(wrap(assignmentXml(spec).replace('</patent-assignors>', '')))).toThrow(IngestionError);
    expect(() => parse('<?xml version="1.0"?><us-patent-grant></us-patent-grant>')).toThrow(/root element/);
    expect(() => parse('reel,frame\n1,2\n')).toThrow(IngestionError);
    expect(() => parse('')).toThrow(IngestionError);
  });
});
