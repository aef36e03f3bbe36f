import { sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, type CursorPosition } from '@patentrack/shared';

export type SortOrder = 'asc' | 'desc';

/** A list request after validation: `limit` already clamped to the page maximum (architecture §7.4). */
export interface PageRequest {
  limit: number;
  cursor?: string;
  order?: SortOrder;
}

/** `Page<T>` of product.md Part C. */
export interface Page<T> {
  data: T[];
  cursor: { next: string | null; hasMore: boolean };
  total: number;
  /** Set where an exact count would scan a large public table. */
  totalIsApproximate?: boolean;
}

/**
 * Keyset condition over non-null sort keys (the last one unique): `(k1, k2) > (v1, v2)` ascending, `<` descending.
 * A row comparison keeps the position stable when rows are inserted between two page requests (never OFFSET).
 */
export function afterCursor(keys: SQL[], cursor: string | undefined, order: SortOrder): SQL | undefined {
  if (!cursor) return undefined;
  const position = decodeCursor(cursor, keys.length);
  const values = sql.join(
    position.map((value) => sql`${value}`),
    sql`, `,
  );
  const operator = order === 'asc' ? sql`>` : sql`<`;
  return sql`(${sql.join(keys, sql`, `)}) ${operator} (${values})`;
}

export function orderByKeys(keys: SQL[], order: SortOrder): SQL {
  const direction = order === 'asc' ? sql`asc` : sql`desc`;
  return sql.join(
    keys.map((key) => sql`${key} ${direction}`),
    sql`, `,
  );
}

/** Cuts the `limit + 1` rows a keyset query fetched into a page and the cursor of its last row. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  positionOf: (row: Row) => CursorPosition,
  itemOf: (row: Row) => Item,
  total: number,
  totalIsApproximate = false,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(itemOf),
    cursor: { next: hasMore && last ? encodeCursor(positionOf(last)) : null, hasMore },
    total,
    ...(totalIsApproximate ? { totalIsApproximate: true } : {}),
  };
}

/** Conditions joined with AND, `true` when there are none. */
export function allOf(conditions: (SQL | undefined)[]): SQL {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}

/** ISO string of a date or timestamp column value, null stays null. */
export function isoDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

export function isoInstant(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * One bind parameter holding a PostgreSQL array literal (cast it in SQL, e.g. `::uuid[]`): the sql template
 * would otherwise spread a JavaScript array into a row of parameters.
 */
export function arrayParam(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
