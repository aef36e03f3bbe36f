import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { IngestionError } from '../common/errors';
import type { RecordIssue } from '../common/record-issues';
import { cleanText } from '../common/text';

/** One `cpc_classifications` row (data-model §1.8), without its scheme version. */
export interface SchemeRow {
  cpcCode: string;
  section: string;
  classCode: string | null;
  subclass: string | null;
  mainGroup: string | null;
  subgroup: string | null;
  parentCode: string | null;
  level: number;
  title: string | null;
  notAllocatable: boolean;
}

/** Section `A`, class `A01`, subclass `A01L`, group `A01L1/02`: the symbol forms a scheme row can have. */
const SYMBOL = /^([A-HY])(?:(\d{2})(?:([A-Z])(?:(\d{1,4})\/(\d{2,6}))?)?)?$/;

/** A scheme entry as a source gives it: symbol (spaces removed), title parts and allocatability. */
export interface SchemeEntry {
  symbol: string;
  titleParts: readonly string[];
  notAllocatable: boolean;
}

/** Parsed symbol: the row's code parts, and the depth its form alone decides (null for a subgroup). */
export function parseSymbol(symbol: string):
  | (Pick<SchemeRow, 'section' | 'classCode' | 'subclass' | 'mainGroup' | 'subgroup'> & {
      formLevel: number | null;
    })
  | null {
  const match = SYMBOL.exec(symbol);
  if (!match) return null;
  const [, section, classCode, subclass, mainGroup, subgroup] = match;
  const formLevel =
    subgroup !== undefined ? (subgroup === '00' ? 4 : null) : subclass !== undefined ? 3 : classCode ? 2 : 1;
  return {
    section: section!,
    classCode: classCode ?? null,
    subclass: subclass ?? null,
    mainGroup: mainGroup ?? null,
    subgroup: subgroup ?? null,
    formLevel,
  };
}

/**
 * The row of a scheme entry under its `parent` (the nearest enclosing entry with a different symbol), or an issue:
 * an error for a malformed symbol (no row), a warning for a subgroup without an enclosing group (stored without a
 * parent). A subgroup is `subgroupLevel` deep when the source says (title lists), else one deeper than its parent.
 */
export function schemeRowOf(
  entry: SchemeEntry,
  parent: SchemeRow | null,
  location: string,
  subgroupLevel?: number,
): { row: SchemeRow | null; issue: RecordIssue | null } {
  const parts = parseSymbol(entry.symbol);
  if (!parts) {
    return {
      row: null,
      issue: {
        severity: 'error',
        errorType: 'validation',
        recordIdentifier: entry.symbol || null,
        location,
        message: `Malformed classification item: symbol '${entry.symbol}'`,
        raw: { symbol: entry.symbol, title: entry.titleParts },
      },
    };
  }
  const { formLevel, ...codes } = parts;
  const orphan = formLevel === null && !parent;
  return {
    row: {
      cpcCode: entry.symbol,
      ...codes,
      parentCode: parent?.cpcCode ?? null,
      // An orphan subgroup is at least below its main group.
      level: formLevel ?? subgroupLevel ?? (parent ? parent.level + 1 : 5),
      title: entry.titleParts.length > 0 ? entry.titleParts.join('; ') : null,
      notAllocatable: entry.notAllocatable,
    },
    issue: orphan
      ? {
          severity: 'warning',
          errorType: 'validation',
          recordIdentifier: entry.symbol,
          location,
          message: `Orphan subgroup ${entry.symbol}: no enclosing group; stored without a parent`,
          raw: null,
        }
      : null,
  };
}

/** What the scheme loader reads a release entry with: the XML scheme parser or the title-list parser. */
export interface SchemeEntryParser {
  readonly rows: SchemeRow[];
  readonly issues: RecordIssue[];
  /** The release date the entry states, for a file without a versioned name. */
  readonly publicationDate: string | undefined;
  write(chunk: string): void;
  close(): void;
}

/** One open `classification-item` while its symbol and title are read. */
interface OpenItem {
  ordinal: number;
  symbol: string;
  titleParts: string[];
  notAllocatable: boolean;
  /** `wrapper`: its first child repeats its symbol, and that child gives the row. */
  state: 'open' | 'emitted' | 'wrapper' | 'invalid';
  row: SchemeRow | null;
}

/**
 * Streaming parser of a CPC scheme XML entry (`class-scheme`, ingestion.md §3.4 a). Rows land in `rows` in
 * document order, a parent before its children — so a batch never references a parent of a later batch — and
 * the caller drains `rows` and `issues` between chunks. Wrapper items that repeat their parent's symbol give no
 * row of their own; `parent_code` is the nearest enclosing item with a different symbol, and `level` counts
 * distinct symbols (the raw `level` attribute numbers differently).
 */
export class SchemeParser implements SchemeEntryParser {
  readonly rows: SchemeRow[] = [];
  readonly issues: RecordIssue[] = [];
  /** The root's `publication-date`, the release a file without a versioned name belongs to. */
  publicationDate: string | undefined;
  private readonly sax = new SaxesParser({ xmlns: false, position: false });
  private readonly items: OpenItem[] = [];
  /** Element names from the innermost `classification-item` down, for the symbol and title paths. */
  private path: string[] = [];
  private text = '';
  private ordinal = 0;
  private sawRoot = false;
  private fatal: IngestionError | undefined;

  constructor(private readonly entryName: string) {
    this.sax.on('opentag', (tag) => this.onOpen(tag as SaxesTagPlain));
    this.sax.on('closetag', (tag) => this.onClose(tag.name));
    this.sax.on('text', (text) => {
      if (this.capturing()) this.text += text;
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
    if (!this.sawRoot) throw IngestionError.data(`${this.entryName} is not a CPC scheme file`);
  }

  /** Symbol text, and title text outside references (`title-part/text` only). */
  private capturing(): boolean {
    const [first, second, third] = this.path;
    return (
      first === 'classification-symbol' ||
      (first === 'class-title' && second === 'title-part' && third === 'text')
    );
  }

  private onOpen(tag: SaxesTagPlain): void {
    if (!this.sawRoot) {
      this.sawRoot = true;
      this.publicationDate = tag.attributes['publication-date'];
      if (tag.name !== 'class-scheme') {
        this.fatal ??= IngestionError.data(`${this.entryName}: unexpected root element <${tag.name}>`);
      }
      return;
    }
    if (tag.name === 'classification-item') {
      this.ordinal += 1;
      this.items.push({
        ordinal: this.ordinal,
        symbol: '',
        titleParts: [],
        notAllocatable: tag.attributes['not-allocatable'] === 'true',
        state: 'open',
        row: null,
      });
      this.path = [];
      return;
    }
    if (this.items.length === 0) return;
    this.path.push(tag.name);
    // A field starts; elements inside it (`class-ref`) add to its text.
    if (this.path.length === (tag.name === 'text' ? 3 : 1) && this.capturing()) this.text = '';
  }

  private onClose(name: string): void {
    if (name === 'classification-item') {
      const item = this.items.pop();
      if (item?.state === 'open') this.emit(item, this.items);
      this.path = [];
      return;
    }
    if (this.items.length === 0) return;
    const item = this.items.at(-1)!;
    if (name === 'classification-symbol' && this.path.length === 1) {
      item.symbol = this.text.replace(/\s+/g, '');
      // The parent's symbol and title are complete now, and it goes out before any child: unless this child
      // repeats its symbol, which makes the parent a wrapper.
      const parent = this.items.at(-2);
      if (parent?.state === 'open') {
        if (parent.symbol === item.symbol) parent.state = 'wrapper';
        else this.emit(parent, this.items.slice(0, -2));
      }
    } else if (name === 'text' && this.capturing()) {
      const part = cleanText(this.text);
      if (part) item.titleParts.push(part);
    }
    this.path.pop();
  }

  private emit(item: OpenItem, ancestors: OpenItem[]): void {
    const parent = ancestors.findLast((open) => open.row)?.row ?? null;
    const { row, issue } = schemeRowOf(item, parent, `${this.entryName}#${item.ordinal}`);
    if (issue) this.issues.push(issue);
    item.state = row ? 'emitted' : 'invalid';
    item.row = row;
    if (row) this.rows.push(row);
  }
}
