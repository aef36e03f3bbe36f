/** Longest text kept for one field (ingestion.md §2.5). */
export const MAX_FIELD_CHARS = 64 * 1024;

/** NFC-normalises, trims and collapses internal whitespace; empty text becomes null. */
export function cleanText(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const cleaned = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned.slice(0, MAX_FIELD_CHARS);
}

/** Outcome of parsing a source date: the ISO date, or null; `invalid` when a non-empty value was impossible. */
export interface ParsedDate {
  date: string | null;
  invalid: boolean;
}

/** Strict `YYYYMMDD` parser (ingestion.md §2.6): `''`/`00000000` → null; an impossible date → null + invalid. */
export function parseYmd(raw: string | null | undefined): ParsedDate {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '00000000') return { date: null, invalid: false };
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return { date: null, invalid: true };
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  const valid =
    year >= 1700 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  return valid ? { date: `${y}-${m}-${d}`, invalid: false } : { date: null, invalid: true };
}

// XML 1.0 forbids these, and PostgreSQL text rejects NUL: a record holding one cannot be stored faithfully.
const INVALID_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds a character that XML 1.0 and PostgreSQL text cannot carry. */
export function hasInvalidCharacters(text: string): boolean {
  return INVALID_XML_CHAR.test(text);
}
