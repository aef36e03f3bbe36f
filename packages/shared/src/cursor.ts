import { AppError } from './errors';

/** Keyset position of a list page: the sort key values of the last row returned. */
export type CursorPosition = readonly (string | number | null)[];

/** Encodes a keyset position as an opaque base64url token. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes a cursor from a client; anything malformed is a 400, never a 500. */
export function decodeCursor(cursor: string, expectedLength: number): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw AppError.validation({ cursor: ['Malformed cursor'] });
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === expectedLength &&
    parsed.every((v) => v === null || typeof v === 'string' || typeof v === 'number');
  if (!valid) throw AppError.validation({ cursor: ['Malformed cursor'] });
  return parsed as CursorPosition;
}

export const PAGE_LIMIT = { default: 50, max: 100, shareViewerMax: 25 } as const;
