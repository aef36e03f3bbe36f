import { normalizeDocNumber } from '@patentrack/shared';
import type { RecordIssue } from '../common/record-issues';
import type { RawCpcClassification, RawMasterRecord } from './master-file-parser';

/** Which master file a record comes from: `CPCMCPT` (grants) or `CPCMCAPP` (pre-grant publications). */
export type CpcDocType = 'grant' | 'application';

/** One `patent_cpc_codes` row (data-model §1.8), without its snapshot id. */
export interface CpcCodeRow {
  docNum: string;
  pgpubDocNum: string | null;
  cpcCode: string;
  symbolPosition: string | null;
  classificationValue: string | null;
  versionDate: string | null;
}

export interface MappedMasterRecord {
  /** Rows to load; empty when every symbol was skipped. */
  rows: CpcCodeRow[];
  /** The record itself is unusable (no document number): skipped as an error. */
  error: RecordIssue | null;
  /** Symbols skipped with a warning. */
  warnings: RecordIssue[];
}

/** A full CPC symbol (ingestion.md §3.4 b). */
export const CPC_SYMBOL_PATTERN = /^[A-HY]\d{2}[A-Z]\d{1,4}\/\d{2,6}$/;

/** A real calendar date as `YYYY-MM-DD`: COPY has no per-row isolation, so a bad value must not reach it. */
function isoDate(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : null;
}

/** `F04D` + `29` + `703` → `F04D29/703`; blanks inside the parts carry no meaning. */
export function cpcSymbol(raw: RawCpcClassification): string {
  const part = (value: string | undefined) => (value ?? '').replace(/\s+/g, '');
  return `${part(raw.section)}${part(raw.classCode)}${part(raw.subclass)}${part(raw.mainGroup)}/${part(raw.subgroup)}`;
}

const oneLetter = (value: string | undefined, allowed: RegExp) => {
  const letter = value?.trim().toUpperCase() ?? '';
  return allowed.test(letter) ? letter : null;
};

/**
 * Maps one master-file record to its rows. Grants are keyed by grant number; applications by application
 * number (what assets join on) with the publication number alongside. A symbol repeated within the record
 * keeps its first occurrence, the main classification coming first.
 */
export function mapMasterRecord(
  raw: RawMasterRecord,
  docType: CpcDocType,
  entry: string,
): MappedMasterRecord {
  const location = `${entry}#${raw.ordinal}`;
  const docNum =
    docType === 'grant'
      ? normalizeDocNumber('grant', raw.grant?.number)
      : normalizeDocNumber('appno', raw.applicationNumber);
  const pgpubDocNum = docType === 'application' ? normalizeDocNumber('pgpub', raw.publication?.number) : null;
  const identifier = docNum ?? raw.grant?.number ?? raw.applicationNumber ?? null;
  if (!docNum) {
    return {
      rows: [],
      warnings: [],
      error: {
        severity: 'error',
        errorType: 'validation',
        recordIdentifier: identifier,
        location,
        message: `Record without a ${docType === 'grant' ? 'grant' : 'application'} number`,
        raw,
      },
    };
  }
  const rows = new Map<string, CpcCodeRow>();
  const warnings: RecordIssue[] = [];
  for (const classification of raw.classifications) {
    const cpcCode = cpcSymbol(classification);
    if (!CPC_SYMBOL_PATTERN.test(cpcCode)) {
      warnings.push({
        severity: 'warning',
        errorType: 'validation',
        recordIdentifier: docNum,
        location,
        message: `Invalid CPC symbol '${cpcCode}' skipped`,
        raw: classification,
      });
      continue;
    }
    if (rows.has(cpcCode)) continue;
    rows.set(cpcCode, {
      docNum,
      pgpubDocNum,
      cpcCode,
      symbolPosition: oneLetter(classification.symbolPosition, /^[FL]$/),
      classificationValue: oneLetter(classification.value, /^[IA]$/),
      versionDate: isoDate(classification.versionDate),
    });
  }
  return { rows: [...rows.values()], warnings, error: null };
}
