import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { IngestionError } from '../common/errors';
import { MAX_FIELD_CHARS } from '../common/text';

/** One `CPCClassification` of a master-file record, raw strings as written. */
export interface RawCpcClassification {
  versionDate?: string;
  section?: string;
  classCode?: string;
  subclass?: string;
  mainGroup?: string;
  subgroup?: string;
  symbolPosition?: string;
  value?: string;
}

/** The grant block of a grant file, or the publication block of an application file. */
export interface RawDocumentIdentification {
  number?: string;
  kind?: string;
  date?: string;
}

/** A `CPCMasterClassificationRecord` as extracted from the file (ingestion.md §3.4 b). */
export interface RawMasterRecord {
  /** 1-based position of the record in its entry (the `location` of its errors). */
  ordinal: number;
  applicationNumber?: string;
  grant?: RawDocumentIdentification;
  publication?: RawDocumentIdentification;
  classifications: RawCpcClassification[];
}

const CLASSIFICATION_FIELDS: Record<string, keyof RawCpcClassification> = {
  ClassificationVersionDate: 'versionDate',
  CPCSection: 'section',
  Class: 'classCode',
  Subclass: 'subclass',
  MainGroup: 'mainGroup',
  Subgroup: 'subgroup',
  SymbolPositionCode: 'symbolPosition',
  CPCClassificationValueCode: 'value',
};

const IDENTIFICATION_FIELDS: Record<string, keyof RawDocumentIdentification> = {
  PatentNumber: 'number',
  PublicationNumber: 'number',
  PatentDocumentKindCode: 'kind',
  GrantDate: 'date',
  PublicationDate: 'date',
};

/** The ST.96 prefixes (`uspat:`, `pat:`, `com:`) vary between releases: only local names are matched. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streaming parser of a CPC master classification XML entry: `write()` text chunks, finished records land in
 * `records` synchronously for the caller to drain between chunks (ingestion.md §2.5). A well-formedness error
 * is fatal for the entry: the file is one document, so nothing after it can be trusted.
 */
export class MasterFileParser {
  readonly records: RawMasterRecord[] = [];
  private readonly sax = new SaxesParser({ xmlns: false, position: true });
  private readonly stack: string[] = [];
  private current: RawMasterRecord | undefined;
  private classification: RawCpcClassification | undefined;
  private identification: RawDocumentIdentification | undefined;
  private text = '';
  private ordinal = 0;
  private sawRoot = false;
  private fatal: IngestionError | undefined;

  constructor(private readonly entryName: string) {
    this.sax.on('opentag', (tag) => this.onOpen(tag as SaxesTagPlain));
    this.sax.on('closetag', (tag) => this.onClose(localName(tag.name)));
    this.sax.on('text', (text) => {
      if (this.text.length < MAX_FIELD_CHARS) this.text += text;
    });
    this.sax.on('error', (error) => {
      this.fatal ??= IngestionError.data(`Malformed XML in ${this.entryName}: ${error.message}`);
    });
  }

  write(chunk: string): void {
    this.sax.write(chunk);
    if (this.fatal) throw this.fatal;
  }

  close(): void {
    this.sax.close();
    if (this.fatal) throw this.fatal;
    if (!this.sawRoot) {
      throw IngestionError.data(`${this.entryName} is not a CPC master classification file`);
    }
  }

  private onOpen(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    this.stack.push(name);
    this.text = '';
    if (this.stack.length === 1) {
      if (name !== 'CPCMasterClassificationFile') {
        this.fatal ??= IngestionError.data(`${this.entryName}: unexpected root element <${tag.name}>`);
      }
      this.sawRoot = true;
    } else if (name === 'CPCMasterClassificationRecord') {
      this.ordinal += 1;
      this.current = { ordinal: this.ordinal, classifications: [] };
    } else if (!this.current) {
      return;
    } else if (name === 'CPCClassification') {
      this.classification = {};
      this.current.classifications.push(this.classification);
    } else if (name === 'PatentGrantIdentification') {
      this.identification = this.current.grant = {};
    } else if (name.endsWith('PublicationIdentification')) {
      this.identification = this.current.publication = {};
    }
  }

  private onClose(name: string): void {
    this.stack.pop();
    const record = this.current;
    if (!record) return;
    const value = this.text.trim();
    this.text = '';
    if (name === 'CPCMasterClassificationRecord') {
      this.records.push(record);
      this.current = undefined;
    } else if (name === 'CPCClassification') {
      this.classification = undefined;
    } else if (name === 'PatentGrantIdentification' || name.endsWith('PublicationIdentification')) {
      this.identification = undefined;
    } else if (this.classification && name in CLASSIFICATION_FIELDS) {
      this.classification[CLASSIFICATION_FIELDS[name]!] = value;
    } else if (this.identification && name in IDENTIFICATION_FIELDS) {
      this.identification[IDENTIFICATION_FIELDS[name]!] = value;
    } else if (name === 'ApplicationNumberText') {
      record.applicationNumber = value;
    }
  }
}
