/**
 * Canonical patent identifiers (data-model §0, ingestion.md §2.6). Every source — assignment XML, grant XML,
 * the assignment search API, EPO DOCDB — goes through these so that the same document joins across tables.
 */

/** Which number a document id carries: application (`X0`), pre-grant publication (`A*`) or grant (others). */
export type DocNumberCategory = 'appno' | 'pgpub' | 'grant';

const CATEGORIES: readonly string[] = ['appno', 'pgpub', 'grant'];

/** Maps a USPTO document-id kind code (`X0`, `A1`, `B2`, `S1`, `E1`…) to the number it carries. */
export function docNumberCategory(kindCode: string): DocNumberCategory {
  const kind = kindCode.trim().toUpperCase();
  if (kind === 'X0') return 'appno';
  if (kind.startsWith('A')) return 'pgpub';
  return 'grant';
}

// Letter prefixes of non-utility grants: design, plant, reissue, SIR, defensive publication, old X-patents.
const GRANT_PATTERN = /^(RE|PP|AI|D|H|T|X)?0*(\d+)$/;

/**
 * Canonical form of a document number, or null when nothing usable is left.
 * `kind` is a kind code (`X0`, `A1`, `B2`…) or a category name.
 */
export function normalizeDocNumber(kind: string, raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const category = CATEGORIES.includes(kind) ? (kind as DocNumberCategory) : docNumberCategory(kind);
  // Separators and blanks never carry meaning: `12/345,678`, `US 2021/0123456 A1`.
  let value = raw.toUpperCase().replace(/[\s/,.-]/g, '');
  if (value.startsWith('US')) value = value.slice(2);
  switch (category) {
    case 'appno':
      return /^\d{1,8}$/.test(value) ? value.padStart(8, '0') : null;
    case 'pgpub':
      return normalizePublicationNumber(value);
    case 'grant':
      return normalizeGrantNumber(value);
  }
}

function normalizePublicationNumber(value: string): string | null {
  const digits = value.replace(/[A-Z]\d?$/, '');
  if (/^\d{11}$/.test(digits)) return digits;
  // DOCDB writes US publications as YYYY + 6 digits: 2012057518 → 20120057518.
  if (/^\d{10}$/.test(digits)) return `${digits.slice(0, 4)}0${digits.slice(4)}`;
  return null;
}

function normalizeGrantNumber(value: string): string | null {
  // Strip a trailing kind code (B1, B2, S, E, P2, H…) only where a bare number is left before it.
  const withoutKind = value.replace(/(?<=\d)[A-Z]\d?$/, '');
  const match = GRANT_PATTERN.exec(withoutKind.replace(/^0+(?=[A-Z])/, ''));
  if (!match) return null;
  const [, prefix = '', digits = ''] = match;
  const number = digits.replace(/^0+/, '');
  return number ? `${prefix}${number}` : null;
}

/** DOCDB (EPO) form of a canonical US publication number: 20120057518 → 2012057518. */
export function toDocdbPublicationNumber(pgpubDocNum: string): string {
  return /^\d{4}0\d{6}$/.test(pgpubDocNum)
    ? `${pgpubDocNum.slice(0, 4)}${pgpubDocNum.slice(5)}`
    : pgpubDocNum;
}

/** Canonical reel/frame id: reel padded to 6 digits, frame to 4, never truncated (`066012-0493`). */
export function rfId(reel: number, frame: number): string {
  if (!Number.isSafeInteger(reel) || !Number.isSafeInteger(frame) || reel < 0 || frame < 0) {
    throw new RangeError(`Invalid reel/frame ${reel}/${frame}`);
  }
  return `${String(reel).padStart(6, '0')}-${String(frame).padStart(4, '0')}`;
}

/** Parses any reel/frame spelling (`18247-405`, `018247-0405`, `18247/405`) into its canonical rf_id. */
export function parseRfId(raw: string): string | null {
  const match = /^\s*(\d+)\s*[-/]\s*(\d+)\s*$/.exec(raw);
  if (!match) return null;
  return rfId(Number(match[1]), Number(match[2]));
}
