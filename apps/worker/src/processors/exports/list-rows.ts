import type { Tx } from '@patentrack/db';
import type { Page } from '@patentrack/db/queries';
import { PAGE_LIMIT } from '@patentrack/shared';

/** Every row of a list for `filters`, in the endpoint's order. */
export async function allListRows<T>(
  tx: Tx,
  list: (tx: Tx, filters: never) => Promise<Page<T>>,
  filters: Record<string, unknown>,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(tx, { ...filters, limit: PAGE_LIMIT.max, cursor } as never);
    rows.push(...page.data);
    cursor = page.cursor.hasMore ? (page.cursor.next ?? undefined) : undefined;
  } while (cursor);
  return rows;
}
