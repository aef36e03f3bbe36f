import type { Queryable } from './db';

export interface ScopeColumn {
  name: string;
  /** PostgreSQL type exactly as the table declares it, so both sides print identically. */
  type: string;
}

export interface ScopeReplacement {
  table: string;
  orgId: string;
  /** The company the rows belong to (null = org level); omit for tables replaced per organization. */
  companyId?: string | null;
  /** The compared and written columns (not ids or computed-at timestamps). */
  columns: readonly ScopeColumn[];
  rows: readonly Record<string, unknown>[];
  /** Narrows the scope to rows whose `column` is one of `values` (a partial refresh); rows outside stay. */
  restrictTo?: { column: string; type: string; values: readonly string[] };
}

/**
 * Replace-set write of one (org, company) scope (business-rules §5.0): afterwards the scope holds exactly
 * `rows`. Rows whose content did not change are left untouched (same id, same timestamp), so a re-run on
 * unchanged inputs changes nothing and an incremental run changes only affected rows. Rows are compared by
 * an md5 of their text form, a hash anti-join rather than row-by-row comparison. Run inside the step's
 * transaction.
 */
export async function replaceScope(
  db: Queryable,
  spec: ScopeReplacement,
): Promise<{ deleted: number; inserted: number }> {
  const names = spec.columns.map((c) => c.name);
  const recordType = spec.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  const hashed = (alias: string) => `md5(row(${names.map((n) => `${alias}.${n}`).join(', ')})::text)`;
  const orgWide = spec.companyId === undefined;
  const params: unknown[] = [spec.orgId];
  const filters = ['organization_id = $1'];
  if (!orgWide) {
    params.push(spec.companyId);
    filters.push(`company_id is not distinct from $${params.length}::uuid`);
  }
  if (spec.restrictTo) {
    params.push(spec.restrictTo.values);
    // `= any(array)`, not a join with `unnest`: derived tables just rewritten have stale statistics, and a join
    // planned from them compared every row of the scope with every value.
    filters.push(`${spec.restrictTo.column} = any($${params.length}::${spec.restrictTo.type}[])`);
  }
  const scopeFilter = (alias: string) => filters.map((filter) => `${alias}.${filter}`).join(' and ');
  params.push(JSON.stringify(spec.rows));
  const insertColumns = ['organization_id', ...(orgWide ? [] : ['company_id']), ...names];
  const insertValues = ['$1::uuid', ...(orgWide ? [] : ['$2::uuid']), ...names.map((n) => `w.${n}`)];
  // One statement: the wanted rows are parsed once, and every part sees the scope as it was before the
  // statement, so the insert skips exactly the rows the delete keeps.
  const { rows } = await db.query<{ deleted: number; inserted: number }>(
    `with wanted as materialized (
       select ${hashed('x')} as h, x.* from jsonb_to_recordset($${params.length}::jsonb) as x(${recordType})
     ), deleted as (
       delete from ${spec.table} t
        where ${scopeFilter('t')}
          and ${hashed('t')} not in (select h from wanted)
       returning 1
     ), inserted as (
       insert into ${spec.table} (${insertColumns.join(', ')})
       select ${insertValues.join(', ')} from wanted w
        where w.h not in (select ${hashed('t')} from ${spec.table} t where ${scopeFilter('t')})
       returning 1
     )
     select (select count(*) from deleted)::int as deleted, (select count(*) from inserted)::int as inserted`,
    params,
  );
  const written = { deleted: rows[0]!.deleted, inserted: rows[0]!.inserted };
  await refreshStatisticsAfterWrite(db, spec.table, written.deleted + written.inserted);
  return written;
}

/** Rows written below which statistics are left to autovacuum. */
const STATISTICS_MIN_ROWS = 500;

/**
 * Refreshes the planner statistics of a table after a write that changed a tenth of it or more (migration 0032):
 * the statements that read it next in this run, and the API right after it, would otherwise be planned from its
 * old size. Inside the write's transaction, ANALYZE already counts the transaction's own rows.
 */
export async function refreshStatisticsAfterWrite(
  db: Queryable,
  table: string,
  rowsWritten: number,
): Promise<void> {
  if (rowsWritten < STATISTICS_MIN_ROWS) return;
  const { rows } = await db.query<{ tuples: number }>(
    `select greatest(reltuples, 0)::float8 as tuples from pg_class where oid = $1::regclass`,
    [table],
  );
  if (rowsWritten >= 0.1 * (rows[0]?.tuples ?? 0))
    await db.query('select refresh_planner_statistics($1)', [table]);
}

/**
 * The rows of a whole scope (`keep` null), or of its part whose `column` value is in `keep`: the rest of the
 * scope stays as stored (an incremental run rewrites only what its changes can reach). Items are filtered by
 * `key` (their `column` value) before `toRow` turns them into rows, so an incremental run maps only its part.
 */
export function scopeRows<T>(
  items: readonly T[],
  spec: {
    column: ScopeColumn;
    key: (item: T) => string;
    keep: ReadonlySet<string> | null;
    toRow: (item: T) => Record<string, unknown>;
  },
): Pick<ScopeReplacement, 'rows' | 'restrictTo'> {
  const { column, key, keep, toRow } = spec;
  if (!keep) return { rows: items.map(toRow) };
  return {
    rows: items.filter((item) => keep.has(key(item))).map(toRow),
    restrictTo: { column: column.name, type: column.type, values: [...keep] },
  };
}
