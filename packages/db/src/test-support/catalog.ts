import type pg from 'pg';

/** Regular and partitioned parent tables of the public schema (partitions excluded). */
export async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ relname: string }>(`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  return rows.map((r) => r.relname);
}

/** Every table RLS must isolate: those with an organization_id column, plus organizations itself. */
export async function tenantTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ relname: string }>(`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND (c.relname = 'organizations' OR EXISTS (
        SELECT 1 FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped))
    ORDER BY c.relname`);
  return rows.map((r) => r.relname);
}

/**
 * A digest of everything a migration can change: columns, constraints, indexes, policies, functions,
 * triggers, views, privileges, enums and lookup rows. Equal digests mean an unchanged database.
 */
export async function catalogDigest(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ digest: string }>(`
    WITH parts AS (
      SELECT 'col ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
             || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS part
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname IN ('public', 'patentrack_meta') AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'idx ' || indexdef FROM pg_indexes WHERE schemaname IN ('public', 'patentrack_meta')
      UNION ALL
      SELECT 'pol ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',')
             || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
      FROM pg_policies WHERE schemaname = 'public'
      UNION ALL
      SELECT 'fn ' || p.oid::regprocedure || ' ' || pg_get_userbyid(p.proowner) || ' '
             || coalesce(array_to_string(p.proacl, ','), '') || ' ' || md5(pg_get_functiondef(p.oid))
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = p.oid AND dep.deptype = 'e')
      UNION ALL
      SELECT 'trg ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL
      SELECT 'rel ' || c.relname || ' ' || c.relkind::text || ' ' || pg_get_userbyid(c.relowner) || ' '
             || c.relrowsecurity::text || c.relforcerowsecurity::text || ' ' || coalesce(array_to_string(c.relacl, ','), '')
      FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
      UNION ALL
      SELECT 'seed ' || (SELECT count(*) FROM conveyance_types) || ' ' || (SELECT count(*) FROM tree_types)
             || ' ' || (SELECT count(*) FROM data_sources) || ' ' || (SELECT count(*) FROM activity_codes)
    )
    SELECT md5(string_agg(part, E'\\n' ORDER BY part)) AS digest FROM parts`);
  return rows[0]!.digest;
}

/** The SQLSTATE of a database error, also when wrapped by Drizzle. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  while (current && typeof current === 'object') {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
