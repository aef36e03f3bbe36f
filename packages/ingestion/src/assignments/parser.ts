import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MAX_FIELD_CHARS } from '../common/text';
import { IngestionError } from '../common/errors';

/** One `<document-id>` of a patent property, as written in the file. */
export interface RawDocumentId {
  country?: string;
  docNumber?: string;
  kind?: string;
  date?: string;
}

export interface RawProperty {
  documentIds: RawDocumentId[];
  title?: string;
  titleLang?: string;
}

export interface RawAssignor {
  name?: string;
  executionDate?: string;
  dateAcknowledged?: string;
}

export interface RawAssignee {
  name?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  countryName?: string;
  postcode?: string;
}

/** A `<patent-assignment>` as extracted from the file: raw strings only, mapped later. */
export interface RawAssignment {
  /** 1-based position of the record in the file (the `location` of its errors). */
  ordinal: number;
  reelNo?: string;
  frameNo?: string;
  lastUpdateDate?: string;
  purgeIndicator?: string;
  recordedDate?: string;
  pageCount?: string;
  correspondent: {
    name?: string;
    address1?: string;
    address2?: string;
    address3?: string;
    address4?: string;
  };
  conveyanceText?: string;
  assignors: RawAssignor[];
  assignees: RawAssignee[];
  properties: RawProperty[];
  /** Recoverable XML problems met inside this record (bad characters, unknown entities). */
  problems: string[];
}

/** File-level facts of a PADX file (ingestion.md §3.1). */
export interface AssignmentFileHeader {
  actionKeyCode?: string;
  transactionDate?: string;
  /** `N` on a day without data: the file holds no records. */
  dataAvailableCode?: string;
  dtdVersion?: string;
}

// Elements whose text is a field; anything nested inside them (title markup) adds to their text.
const FIELD_ELEMENTS = new Set([
  'reel-no',
  'frame-no',
  'purge-indicator',
  'page-count',
  'conveyance-text',
  'name',
  'address-1',
  'address-2',
  'address-3',
  'address-4',
  'city',
  'state',
  'country-name',
  'postcode',
  'date',
  'country',
  'doc-number',
  'kind',
  'invention-title',
  'action-key-code',
  'data-available-code',
]);

// Error messages of saxes that concern one value, not the document's structure.
const RECOVERABLE = /disallowed character|malformed character entity|undefined entity|invalid character/i;

/**
 * Streaming PADX parser: `write()` text chunks, and finished records land in `records` synchronously —
 * the caller drains them between chunks (ingestion.md §2.5 back-pressure pattern). Never awaits.
 */
export class AssignmentXmlParser {
  readonly header: AssignmentFileHeader = {};
  /** Finished records not yet taken by the caller. */
  readonly records: RawAssignment[] = [];
  private readonly sax = new SaxesParser({ xmlns: false, position: true });
  private readonly stack: string[] = [];
  private current: RawAssignment | undefined;
  private captureDepth = -1;
  private text = '';
  private ordinal = 0;
  private fatal: IngestionError | undefined;
  private sawRoot = false;
  /** Recoverable problems outside any record (header) — reported once as warnings. */
  readonly fileProblems: string[] = [];

  constructor() {
    this.sax.on('opentag', (tag) => this.onOpen(tag as SaxesTagPlain));
    this.sax.on('closetag', (tag) => this.onClose(tag.name));
    this.sax.on('text', (text) => this.onText(text));
    this.sax.on('cdata', (text) => this.onText(text));
    this.sax.on('error', (error) => this.onError(error));
  }

  write(chunk: string): void {
    this.sax.write(chunk);
    if (this.fatal) throw this.fatal;
  }

  close(): void {
    this.sax.close();
    if (this.fatal) throw this.fatal;
    if (!this.sawRoot)
      throw IngestionError.data('Not an assignment file: no us-patent-assignments root element');
  }

  private onOpen(tag: SaxesTagPlain): void {
    const name = tag.name;
    this.stack.push(name);
    if (this.stack.length === 1) {
      if (name !== 'us-patent-assignments') {
        this.fatal ??= IngestionError.data(`Not an assignment file: root element <${name}>`);
      }
      this.sawRoot = true;
      this.header.dtdVersion = tag.attributes['dtd-version'];
      return;
    }
    if (name === 'patent-assignment') {
      this.ordinal += 1;
      this.current = {
        ordinal: this.ordinal,
        correspondent: {},
        assignors: [],
        assignees: [],
        properties: [],
        problems: [],
      };
      return;
    }
    const record = this.current;
    if (record) {
      if (name === 'patent-assignor') record.assignors.push({});
      else if (name === 'patent-assignee') record.assignees.push({});
      else if (name === 'patent-property') record.properties.push({ documentIds: [] });
      else if (name === 'document-id') record.properties.at(-1)?.documentIds.push({});
      else if (name === 'invention-title') {
        const property = record.properties.at(-1);
        if (property) property.titleLang = tag.attributes.lang;
      }
    }
    if (this.captureDepth < 0 && FIELD_ELEMENTS.has(name)) {
      this.captureDepth = this.stack.length;
      this.text = '';
    }
  }

  private onText(text: string): void {
    if (this.captureDepth >= 0 && this.text.length < MAX_FIELD_CHARS) this.text += text;
  }

  private onClose(name: string): void {
    const depth = this.stack.length;
    const parent = this.stack[depth - 2] ?? '';
    const grandparent = this.stack[depth - 3] ?? '';
    this.stack.pop();
    if (depth === this.captureDepth) {
      this.captureDepth = -1;
      this.assignField(name, parent, grandparent, this.text);
      return;
    }
    if (name === 'patent-assignment' && this.current) {
      this.records.push(this.current);
      this.current = undefined;
    }
  }

  private assignField(name: string, parent: string, grandparent: string, value: string): void {
    const record = this.current;
    if (!record) {
      if (name === 'action-key-code') this.header.actionKeyCode = value.trim();
      else if (name === 'data-available-code') this.header.dataAvailableCode = value.trim();
      else if (name === 'date' && parent === 'transaction-date') this.header.transactionDate = value.trim();
      return;
    }
    switch (parent) {
      case 'assignment-record':
        assignRecordField(record, name, value);
        return;
      case 'last-update-date':
        if (name === 'date') record.lastUpdateDate = value;
        return;
      case 'recorded-date':
        if (name === 'date') record.recordedDate = value;
        return;
      case 'correspondent':
        assignCorrespondent(record, name, value);
        return;
      case 'patent-assignor':
        if (name === 'name') record.assignors.at(-1)!.name = value;
        return;
      case 'execution-date':
      case 'date-acknowledged': {
        const assignor = grandparent === 'patent-assignor' ? record.assignors.at(-1) : undefined;
        if (assignor && name === 'date') {
          if (parent === 'execution-date') assignor.executionDate = value;
          else assignor.dateAcknowledged = value;
        }
        return;
      }
      case 'patent-assignee':
        assignAssignee(record.assignees.at(-1)!, name, value);
        return;
      case 'document-id':
        assignDocumentId(record.properties.at(-1)?.documentIds.at(-1), name, value);
        return;
      case 'patent-property':
        if (name === 'invention-title') record.properties.at(-1)!.title = value;
        return;
    }
  }

  private onError(error: Error): void {
    const message = error.message;
    if (RECOVERABLE.test(message)) {
      if (this.current) this.current.problems.push(message);
      else this.fileProblems.push(message);
      return;
    }
    this.fatal ??= IngestionError.data(`Malformed XML: ${message}`, { afterRecord: this.ordinal });
  }
}

function assignRecordField(record: RawAssignment, name: string, value: string): void {
  if (name === 'reel-no') record.reelNo = value;
  else if (name === 'frame-no') record.frameNo = value;
  else if (name === 'purge-indicator') record.purgeIndicator = value;
  else if (name === 'page-count') record.pageCount = value;
  else if (name === 'conveyance-text') record.conveyanceText = value;
}

function assignCorrespondent(record: RawAssignment, name: string, value: string): void {
  const correspondent = record.correspondent;
  if (name === 'name') correspondent.name = value;
  else if (name === 'address-1') correspondent.address1 = value;
  else if (name === 'address-2') correspondent.address2 = value;
  else if (name === 'address-3') correspondent.address3 = value;
  else if (name === 'address-4') correspondent.address4 = value;
}

function assignAssignee(assignee: RawAssignee, name: string, value: string): void {
  if (name === 'name') assignee.name = value;
  else if (name === 'address-1') assignee.address1 = value;
  else if (name === 'address-2') assignee.address2 = value;
  else if (name === 'city') assignee.city = value;
  else if (name === 'state') assignee.state = value;
  else if (name === 'country-name') assignee.countryName = value;
  else if (name === 'postcode') assignee.postcode = value;
}

function assignDocumentId(documentId: RawDocumentId | undefined, name: string, value: string): void {
  if (!documentId) return;
  if (name === 'country') documentId.country = value;
  else if (name === 'doc-number') documentId.docNumber = value;
  else if (name === 'kind') documentId.kind = value;
  else if (name === 'date') documentId.date = value;
}
