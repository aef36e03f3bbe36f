import { IngestionError } from '../common/errors';
import type { RecordIssue } from '../common/record-issues';
import { cleanText } from '../common/text';
import { parseSymbol, schemeRowOf, type SchemeEntryParser, type SchemeRow } from './scheme-parser';

/** `cpc-section-A_20250101.txt` → `2025-01-01`. */
const ENTRY_DATE = /_(\d{4})(\d{2})(\d{2})\.txt$/i;

/**
 * Line parser of a CPC title-list entry (`cpc-section-{A…H,Y}_{YYYYMMDD}.txt`, ingestion.md §3.4 a, the fallback
 * when a release has no scheme XML): tab-separated symbol, dot level and title, in scheme order. Main groups and
 * everything above take their depth from the symbol, a subgroup is 4 + its dots deep, and `parent_code` is the
 * nearest earlier line that is less deep — the nesting the scheme XML spells out. The list carries no
 * allocatability, so rows are allocatable.
 */
export class TitleListParser implements SchemeEntryParser {
  readonly rows: SchemeRow[] = [];
  readonly issues: RecordIssue[] = [];
  readonly publicationDate: string | undefined;
  /** The open ancestors of the next line, shallowest first. */
  private readonly ancestors: SchemeRow[] = [];
  private partial = '';
  private lineNumber = 0;
  private sawLine = false;

  constructor(private readonly entryName: string) {
    const date = ENTRY_DATE.exec(entryName);
    this.publicationDate = date ? `${date[1]}-${date[2]}-${date[3]}` : undefined;
  }

  write(chunk: string): void {
    const lines = (this.partial + chunk).split(/\r?\n/);
    this.partial = lines.pop()!;
    for (const line of lines) this.line(line);
  }

  close(): void {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    if (!this.sawLine) throw IngestionError.data(`${this.entryName} holds no title-list line`);
  }

  private line(text: string): void {
    this.lineNumber += 1;
    if (!text.trim()) return;
    this.sawLine = true;
    const [symbol = '', dots = '', ...title] = text.split('\t');
    const dotLevel = Number.parseInt(dots, 10);
    const depth = 4 + Math.max(1, Number.isNaN(dotLevel) ? 0 : dotLevel);
    const titlePart = cleanText(title.join('\t'));
    const entry = {
      symbol: symbol.replace(/\s+/g, ''),
      titleParts: titlePart ? [titlePart] : [],
      notAllocatable: false,
    };
    const parts = parseSymbol(entry.symbol);
    const parent = parts ? this.parentAbove(parts.formLevel ?? depth) : null;
    const { row, issue } = schemeRowOf(entry, parent, `${this.entryName}:${this.lineNumber}`, depth);
    if (issue) this.issues.push(issue);
    if (!row) return;
    this.ancestors.push(row);
    this.rows.push(row);
  }

  /** The nearest earlier row less deep than `level`; deeper or equal ones are closed. */
  private parentAbove(level: number): SchemeRow | null {
    while (this.ancestors.length > 0 && this.ancestors.at(-1)!.level >= level) this.ancestors.pop();
    return this.ancestors.at(-1) ?? null;
  }
}
