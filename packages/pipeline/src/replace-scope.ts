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
  const scopeFilter = (alias: string) =>
    orgWide
      ? `${alias}.organization_id = $1`
      : `${alias}.organization_id = $1 and ${alias}.company_id is not distinct from $3::uuid`;
  const params: unknown[] = [spec.orgId, JSON.stringify(spec.rows)];
  if (!orgWide) params.push(spec.companyId);
  const wanted = `select ${hashed('x')} as h, x.* from jsonb_to_recordset($2::jsonb) as x(${recordType})`;
  const deleted = await db.query(
    `with wanted as (${wanted})
     delete from ${spec.table} t
      where ${scopeFilter('t')}
        and ${hashed('t')} not in (select h from wanted)`,
    params,
  );
  const insertColumns = ['organization_id', ...(orgWide ? [] : ['company_id']), ...names];
  const insertValues = ['$1::uuid', ...(orgWide ? [] : ['$3::uuid']), ...names.map((n) => `w.${n}`)];
  const inserted = await db.query(
    `with wanted as (${wanted})
     insert into ${spec.table} (${insertColumns.join(', ')})
     select ${insertValues.join(', ')} from wanted w
      where w.h not in (select ${hashed('t')} from ${spec.table} t where ${scopeFilter('t')})`,
    params,
  );
  return { deleted: deleted.rowCount ?? 0, inserted: inserted.rowCount ?? 0 };
}
