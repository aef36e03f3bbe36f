import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** A party to a generated assignment. Dates are `YYYY-MM-DD` or already-formatted `YYYYMMDD`. */
export interface PartySpec {
  name: string;
  executionDate?: string;
  address1?: string;
  city?: string;
  state?: string;
  country?: string;
  postcode?: string;
}

/** One patent property: any of application, publication and grant numbers, as the feed writes them. */
export interface PropertySpec {
  appno?: string;
  filingDate?: string;
  pgpub?: string;
  publicationDate?: string;
  grant?: string;
  grantKind?: string;
  issueDate?: string;
  title?: string;
}

/** Everything a test may state about one recorded assignment (BT scenarios describe chains with these). */
export interface AssignmentSpec {
  reel: number;
  frame: number;
  conveyanceText: string;
  recordedDate: string;
  lastUpdateDate?: string;
  purged?: boolean;
  pageCount?: number;
  correspondent?: { name: string; address1?: string; address2?: string };
  assignors: PartySpec[];
  assignees: PartySpec[];
  properties: PropertySpec[];
}

const CRLF = '\r\n';

/** Escapes text for XML element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function ymd(date: string): string {
  return date.replace(/-/g, '');
}

function element(indent: string, name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `${indent}<${name}>${escapeXml(String(value))}</${name}>${CRLF}`;
}

function dateElement(indent: string, name: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `${indent}<${name}>${CRLF}${indent}  <date>${ymd(value)}</date>${CRLF}${indent}</${name}>${CRLF}`;
}

function documentId(
  indent: string,
  number: string | undefined,
  kind: string,
  date: string | undefined,
): string {
  if (number === undefined) return '';
  const inner = `${indent}  `;
  return (
    `${indent}<document-id>${CRLF}` +
    element(inner, 'country', 'US') +
    element(inner, 'doc-number', number) +
    element(inner, 'kind', kind) +
    (date ? element(inner, 'date', ymd(date)) : '') +
    `${indent}</document-id>${CRLF}`
  );
}

/** The `<patent-assignment>` element of one record, laid out like the real daily files (CRLF, 2-space indent). */
export function assignmentXml(spec: AssignmentSpec): string {
  const i3 = '      ';
  const i4 = `${i3}  `;
  const i5 = `${i4}  `;
  const correspondent = spec.correspondent ?? { name: 'PATENT DEPARTMENT', address1: '100 MAIN STREET' };
  let xml = `    <patent-assignment>${CRLF}${i3}<assignment-record>${CRLF}`;
  xml += element(i4, 'reel-no', spec.reel) + element(i4, 'frame-no', spec.frame);
  xml += dateElement(i4, 'last-update-date', spec.lastUpdateDate ?? spec.recordedDate);
  xml += element(i4, 'purge-indicator', spec.purged ? 'Y' : 'N');
  xml += dateElement(i4, 'recorded-date', spec.recordedDate);
  xml += element(i4, 'page-count', spec.pageCount ?? 3);
  xml += `${i4}<correspondent>${CRLF}`;
  xml += element(i5, 'name', correspondent.name) + element(i5, 'address-1', correspondent.address1);
  xml += element(i5, 'address-2', correspondent.address2) + `${i4}</correspondent>${CRLF}`;
  xml += element(i4, 'conveyance-text', spec.conveyanceText) + `${i3}</assignment-record>${CRLF}`;
  xml += `${i3}<patent-assignors>${CRLF}`;
  for (const assignor of spec.assignors) {
    xml += `${i4}<patent-assignor>${CRLF}` + element(i5, 'name', assignor.name);
    xml += dateElement(i5, 'execution-date', assignor.executionDate) + `${i4}</patent-assignor>${CRLF}`;
  }
  xml += `${i3}</patent-assignors>${CRLF}${i3}<patent-assignees>${CRLF}`;
  for (const assignee of spec.assignees) {
    xml += `${i4}<patent-assignee>${CRLF}` + element(i5, 'name', assignee.name);
    xml += element(i5, 'address-1', assignee.address1) + element(i5, 'city', assignee.city);
    xml += element(i5, 'state', assignee.state) + element(i5, 'country-name', assignee.country);
    xml += element(i5, 'postcode', assignee.postcode) + `${i4}</patent-assignee>${CRLF}`;
  }
  xml += `${i3}</patent-assignees>${CRLF}${i3}<patent-properties>${CRLF}`;
  for (const property of spec.properties) {
    xml += `${i4}<patent-property>${CRLF}`;
    xml += documentId(i5, property.appno, 'X0', property.filingDate);
    xml += documentId(i5, property.pgpub, 'A1', property.publicationDate);
    xml += documentId(i5, property.grant, property.grantKind ?? 'B2', property.issueDate);
    if (property.title !== undefined) {
      xml += `${i5}<invention-title lang="en">${escapeXml(property.title)}</invention-title>${CRLF}`;
    }
    xml += `${i4}</patent-property>${CRLF}`;
  }
  return `${xml}${i3}</patent-properties>${CRLF}    </patent-assignment>${CRLF}`;
}

// A shortened internal DTD subset: real files carry the whole DTD inline, which the reader must let pass.
const DOCTYPE =
  `<!DOCTYPE us-patent-assignments [${CRLF}` +
  `<!ELEMENT us-patent-assignments (action-key-code, transaction-date, (data-available-code | patent-assignments))>${CRLF}` +
  `<!ATTLIST us-patent-assignments dtd-version CDATA #REQUIRED date-produced CDATA #IMPLIED>${CRLF}` +
  `<!ELEMENT patent-assignments (patent-assignment+)>${CRLF}]>${CRLF}`;

function fileHeader(transactionDate: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>${CRLF}${DOCTYPE}` +
    `<us-patent-assignments dtd-version="1.0" date-produced="20131101">${CRLF}` +
    `  <action-key-code>DA</action-key-code>${CRLF}` +
    `  <transaction-date>${CRLF}    <date>${ymd(transactionDate)}</date>${CRLF}  </transaction-date>${CRLF}`
  );
}

/** The whole file of a day without data (`data-available-code N`). */
export function emptyDayXml(transactionDate: string): string {
  return `${fileHeader(transactionDate)}  <data-available-code>N</data-available-code>${CRLF}</us-patent-assignments>${CRLF}`;
}

/**
 * Streaming writer of a daily assignment file: respects back-pressure, so files of any size are written in
 * constant memory. `writeRaw` lets a test insert a deliberately broken record between good ones.
 */
export class AssignmentXmlWriter {
  private bytes = 0;
  private records = 0;

  constructor(
    private readonly out: Writable,
    private readonly transactionDate: string,
  ) {}

  get bytesWritten(): number {
    return this.bytes;
  }

  get recordsWritten(): number {
    return this.records;
  }

  async start(): Promise<void> {
    await this.write(`${fileHeader(this.transactionDate)}  <patent-assignments>${CRLF}`);
  }

  async writeAssignment(spec: AssignmentSpec): Promise<void> {
    this.records += 1;
    await this.write(assignmentXml(spec));
  }

  async writeRaw(xml: string): Promise<void> {
    await this.write(xml);
  }

  async end(): Promise<void> {
    await this.write(`  </patent-assignments>${CRLF}</us-patent-assignments>${CRLF}`);
    this.out.end();
    await once(this.out, 'finish');
  }

  private async write(text: string): Promise<void> {
    this.bytes += Buffer.byteLength(text);
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}

/** Writes `records` to `path` as one daily file. */
export async function writeAssignmentFile(
  path: string,
  transactionDate: string,
  records: Iterable<AssignmentSpec>,
): Promise<{ bytes: number; records: number }> {
  const writer = new AssignmentXmlWriter(createWriteStream(path), transactionDate);
  await writer.start();
  for (const record of records) await writer.writeAssignment(record);
  await writer.end();
  return { bytes: writer.bytesWritten, records: writer.recordsWritten };
}

/** Zips one file the way the daily product ships it (`ad20160101.zip` holding `ad20160101.xml`). */
export async function zipFile(
  sourcePath: string,
  zipPath: string,
  entryName: string = basename(sourcePath),
): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addFile(sourcePath, entryName);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

/** USPTO wording of common conveyances, so scenarios can say `'security'` instead of the full text. */
export const CONVEYANCE_TEXTS = {
  assignment: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
  nuncProTunc: 'NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS).',
  security: 'SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).',
  release: 'RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).',
  merger: 'MERGER (SEE DOCUMENT FOR DETAILS).',
  changeOfName: 'CHANGE OF NAME (SEE DOCUMENT FOR DETAILS).',
  license: 'LICENSE (SEE DOCUMENT FOR DETAILS).',
  corrective:
    'CORRECTIVE ASSIGNMENT TO CORRECT THE ASSIGNEE NAME PREVIOUSLY RECORDED ON REEL 012345 FRAME 0678.',
} as const;

/** One recorded transaction of a scenario: who conveyed the patents to whom, how and when. */
export interface ChainStep {
  /** A key of `CONVEYANCE_TEXTS` or any free conveyance text. */
  conveyance: keyof typeof CONVEYANCE_TEXTS | (string & {});
  from: string | string[];
  to: string | string[];
  executed: string;
  /** Defaults to 30 days after `executed`. */
  recorded?: string;
  purged?: boolean;
  /** Overrides the scenario's patents for this step (a partial transfer). */
  properties?: PropertySpec[];
}

/**
 * Turns a scenario (patents plus ordered steps) into assignment records with consecutive reel/frame numbers,
 * ready for `writeAssignmentFile` — how chain-of-title tests describe their data as real XML.
 */
export function chainOfTitle(
  properties: PropertySpec[],
  steps: ChainStep[],
  start: { reel: number; frame?: number },
): AssignmentSpec[] {
  const names = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
  return steps.map((step, index) => {
    const recorded =
      step.recorded ??
      new Date(Date.parse(`${step.executed}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    return {
      reel: start.reel,
      frame: (start.frame ?? 1) + index * 10,
      conveyanceText: CONVEYANCE_TEXTS[step.conveyance as keyof typeof CONVEYANCE_TEXTS] ?? step.conveyance,
      recordedDate: recorded,
      purged: step.purged,
      assignors: names(step.from).map((name) => ({ name, executionDate: step.executed })),
      assignees: names(step.to).map((name) => ({ name })),
      properties: step.properties ?? properties,
    };
  });
}
