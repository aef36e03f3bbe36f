import { is } from 'drizzle-orm';
import { getTableConfig, isPgEnum, PgTable, type PgEnum } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing';
import { publicTables } from '../test-support/catalog';
import * as schema from './index';

const drizzleTables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
  is(value, PgTable),
);
const drizzleEnums = (Object.values(schema) as unknown[]).filter(
  (value): value is PgEnum<[string, ...string[]]> => isPgEnum(value),
);

/** Drizzle spells some types the short way; PostgreSQL's format_type() the long way. */
function normaliseType(type: string): string {
  return type
    .toLowerCase()
    .replace(/^varchar/, 'character varying')
    .replace(/^char\(/, 'character(')
    .replace(/,\s+/g, ',');
}

let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('the Drizzle schema and the migrated database agree', () => {
  it('on the set of tables, both ways', async () => {
    const inDrizzle = drizzleTables.map((t) => getTableConfig(t).name).sort();
    expect((await publicTables(client)).sort()).toEqual(inDrizzle);
  });

  it('on every enum and its values, both ways', async () => {
    const { rows } = await client.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY t.typname`);
    const expected = drizzleEnums
      .map((e) => ({ name: e.enumName, labels: [...e.enumValues] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect([...rows].sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected);
  });

  it('maintains updated_at by trigger on every table that has the column', async () => {
    const { rows } = await client.query<{ table: string; has_trigger: boolean }>(`
      SELECT c.relname AS table,
        EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'set_updated_at') AS has_trigger
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at'
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.has_trigger)).toEqual([]);

    const before = await client.query(`INSERT INTO law_firms (name, name_key) VALUES ('Firm', 'firm')
      RETURNING id, updated_at`);
    await client.query(`UPDATE law_firms SET updated_at = '2000-01-01', name = 'Firm LLP' WHERE id = $1`, [
      before.rows[0].id,
    ]);
    const after = await client.query('SELECT updated_at FROM law_firms WHERE id = $1', [before.rows[0].id]);
    expect(after.rows[0].updated_at.getUTCFullYear()).toBeGreaterThan(2000);
  });

  describe.each(drizzleTables.map((t) => [getTableConfig(t).name, t] as const))('%s', (tableName, table) => {
    const config = getTableConfig(table);

    it('has the same columns (name, type, nullability)', async () => {
      const { rows } = await client.query<{ name: string; type: string; not_null: boolean }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
         FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attname`,
        [tableName],
      );
      const expected = config.columns
        .map((c) => ({ name: c.name, type: normaliseType(c.getSQLType()), not_null: c.notNull }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(rows.map((r) => ({ ...r, type: normaliseType(r.type) }))).toEqual(expected);
    });

    it('has the same indexes, uniques and primary key', async () => {
      const { rows } = await client.query<{ name: string; unique: boolean }>(
        `SELECT c.relname AS name, i.indisunique AS unique
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
        [tableName],
      );
      const expected = [
        ...config.indexes.map((ix) => ({ name: ix.config.name!, unique: ix.config.unique })),
        ...config.uniqueConstraints.map((u) => ({ name: u.getName()!, unique: true })),
        ...config.columns.filter((c) => c.isUnique).map((c) => ({ name: c.uniqueName!, unique: true })),
        ...config.primaryKeys.map((pk) => ({ name: pk.getName(), unique: true })),
        ...(config.columns.some((c) => c.primary) ? [{ name: `${tableName}_pkey`, unique: true }] : []),
      ].sort((a, b) => a.name.localeCompare(b.name));
      expect(rows).toEqual(expected);
    });

    it('has the same foreign keys and checks', async () => {
      const { rows } = await client.query<{ kind: string; description: string }>(
        `SELECT contype::text AS kind,
           CASE contype WHEN 'c' THEN conname ELSE
             (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.attnum)
             || ' -> ' || confrelid::regclass::text || '(' ||
             (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = confrelid AND a.attnum = k.attnum) || ')'
           END AS description
         FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('c', 'f') AND conparentid = 0
         ORDER BY 1, 2`,
        [tableName],
      );
      const expected = [
        ...config.checks.map((c) => ({ kind: 'c', description: c.name })),
        ...config.foreignKeys.map((fk) => {
          const ref = fk.reference();
          const columns = ref.columns.map((c) => c.name).join(',');
          const foreign = ref.foreignColumns.map((c) => c.name).join(',');
          return {
            kind: 'f',
            description: `${columns} -> ${getTableConfig(ref.foreignTable).name}(${foreign})`,
          };
        }),
      ].sort((a, b) => a.kind.localeCompare(b.kind) || (a.description < b.description ? -1 : 1));
      expect(rows).toEqual(expected);
    });
  });
});
