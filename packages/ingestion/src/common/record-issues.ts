/** `ingestion_errors.error_type` values (data-model §4). */
export type RecordErrorType =
  'parse' | 'validation' | 'constraint' | 'foreign_key' | 'duplicate' | 'http' | 'other';

/** One bad or repaired record, destined for `ingestion_errors` (ingestion.md §2.8). */
export interface RecordIssue {
  /** `error`: the record was skipped; `warning`: it was stored with a fix applied. */
  severity: 'error' | 'warning';
  errorType: RecordErrorType;
  recordIdentifier: string | null;
  location: string | null;
  message: string;
  /** The extracted record; stored as JSON capped at 16 KB. */
  raw: unknown;
}

export const MAX_RAW_DATA_BYTES = 16 * 1024;

/** The record as JSON within the 16 KB cap; an oversized record keeps a truncated text snippet. */
export function rawDataJson(raw: unknown): string | null {
  if (raw === undefined) return null;
  const json = JSON.stringify(raw);
  if (Buffer.byteLength(json) <= MAX_RAW_DATA_BYTES) return json;
  return JSON.stringify({ truncated: true, snippet: json.slice(0, MAX_RAW_DATA_BYTES / 2) });
}
