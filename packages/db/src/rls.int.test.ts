import { randomUUID } from 'node:crypto';
import { is, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from './client';
import * as schema from './schema';
import { withTenant, type TenantContext } from './tenant';
import { createTestDatabase, type TestDatabase } from './testing';
import { sqlState, tenantTables } from './test-support/catalog';
import { seedOrganization, type OrgFixture } from './test-support/tenant-fixture';

/** The tenant tables, from the Drizzle schema: every table with organization_id, plus organizations. */
const TENANT_TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table))
  .filter(
    (config) => config.name === 'organizations' || config.columns.some((c) => c.name === 'organization_id'),
  )
  .map((config) => config.name)
  .sort();

const tenantColumn = (table: string) => (table === 'organizations' ? 'id' : 'organization_id');
/** Append-only for the app: no UPDATE/DELETE privilege at all. */
const APPEND_ONLY = new Set(['audit_events']);
/** Tenants read their pipeline runs; only workers and super admins write them. */
const TENANT_READ_ONLY = new Set(['processing_jobs', 'processing_steps']);
/** T3: what a live share link may see, per table (data-model §7.3). */
const SHARE_VISIBLE: Record<string, (f: OrgFixture) => { column: string; values: string[] }> = {
  organizations: (f) => ({ column: 'id', values: [f.orgId] }),
  share_links: (f) => ({ column: 'id', values: [f.liveLinkId] }),
  share_link_assets: (f) => ({ column: 'share_link_id', values: [f.liveLinkId] }),
  assets: (f) => ({ column: 'id', values: [f.sharedAssetId] }),
  asset_diagrams: (f) => ({ column: 'asset_id', values: [f.sharedAssetId] }),
  asset_title_status: (f) => ({ column: 'asset_id', values: [f.sharedAssetId] }),
  dashboard_items: (f) => ({ column: 'asset_id', values: [f.sharedAssetId] }),
};

let database: TestDatabase;
let admin: pg.Client;
let worker: pg.Client;
let appPool: pg.Pool;
let app: Db;
let orgA: OrgFixture;
let orgB: OrgFixture;

const userCtx = (f: OrgFixture, role: TenantContext['role'] = 'admin'): TenantContext => ({
  orgId: f.orgId,
  userId: f.userId,
  role,
  scope: 'user',
});
const shareCtx = (f: OrgFixture, shareLinkId: string): TenantContext => ({
  orgId: f.orgId,
  userId: null,
  role: null,
  scope: 'share:read',
  shareLinkId,
});
const NO_CONTEXT: TenantContext = { orgId: null, userId: null, role: null, scope: 'user' };
const superAdminCtx = (): TenantContext => ({
  orgId: null,
  userId: orgA.userId,
  role: 'super_admin',
  scope: 'user',
});

const id = (name: string) => sql.identifier(name);

async function run(ctx: TenantContext, query: SQL): Promise<pg.QueryResult<Record<string, unknown>>> {
  return withTenant(app, ctx, (tx) => tx.execute(query));
}

async function countAs(ctx: TenantContext, table: string): Promise<number> {
  const result = await run(ctx, sql`SELECT count(*)::int AS n FROM ${id(table)}`);
  return Number(result.rows[0]!.n);
}

async function countDirect(client: pg.Client, table: string, orgId?: string): Promise<number> {
  const filter = orgId ? ` WHERE ${client.escapeIdentifier(tenantColumn(table))} = $1` : '';
  const result = await client.query(
    `SELECT count(*)::int AS n FROM ${client.escapeIdentifier(table)}${filter}`,
    orgId ? [orgId] : [],
  );
  return Number(result.rows[0].n);
}

async function expectDenied(attempt: Promise<unknown>): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the statement to be refused').toBeDefined();
  expect(sqlState(error)).toBe('42501');
}

/** INSERT of a copy of one of `source`'s rows, re-keyed to organization `target`. */
async function insertCopy(table: string, source: OrgFixture, target: string): Promise<SQL> {
  const column = tenantColumn(table);
  const { rows } = await admin.query(
    `SELECT row_to_json(t) AS row FROM ${admin.escapeIdentifier(table)} t WHERE ${admin.escapeIdentifier(column)} = $1 LIMIT 1`,
    [source.orgId],
  );
  const row = rows[0].row as Record<string, unknown>;
  const insertable = await admin.query<{ attname: string; uuid_id: boolean }>(
    `SELECT attname, (attname = 'id' AND atttypid = 'uuid'::regtype) AS uuid_id FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND attidentity = ''`,
    [table],
  );
  for (const c of insertable.rows) if (c.uuid_id) row[c.attname] = randomUUID();
  row[column] = table === 'organizations' ? randomUUID() : target;
  const columns = sql.join(
    insertable.rows.map((c) => id(c.attname)),
    sql`, `,
  );
  return sql`INSERT INTO ${id(table)} (${columns})
    SELECT ${columns} FROM json_populate_record(NULL::${id(table)}, ${JSON.stringify(row)}::json)`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: database.adminUrl });
  worker = new pg.Client({ connectionString: database.workerUrl });
  await admin.connect();
  await worker.connect();
  appPool = createPool(database.appUrl, { max: 4 });
  app = createDb(appPool);
  const entity = await admin.query(
    `INSERT INTO entities (name, name_key) VALUES ('ACME INC', 'acme inc') RETURNING id`,
  );
  orgA = await seedOrganization(admin, 'a', entity.rows[0].id);
  orgB = await seedOrganization(admin, 'b', entity.rows[0].id);
});

afterAll(async () => {
  await appPool?.end();
  await admin?.end();
  await worker?.end();
  await database?.drop();
});

describe('row-level security (data-model §7.8)', () => {
  it('covers exactly the catalog tables that carry organization_id', async () => {
    expect((await tenantTables(admin)).sort()).toEqual(TENANT_TABLES);
  });

  it('has ENABLE + FORCE on every table with an organization_id column', async () => {
    const { rows } = await admin.query(`
      SELECT c.relname FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id')
        AND NOT (c.relrowsecurity AND c.relforcerowsecurity)`);
    expect(rows).toEqual([]);
  });

  it('connects the app as a role that is neither superuser nor BYPASSRLS, unlike the worker', async () => {
    const { rows } = await admin.query(
      `SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN ('patentrack_app', 'patentrack_worker') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { rolname: 'patentrack_app', rolsuper: false, rolbypassrls: false },
      { rolname: 'patentrack_worker', rolsuper: false, rolbypassrls: true },
    ]);
    const session = await run(NO_CONTEXT, sql`SELECT current_user AS name`);
    expect(session.rows[0]!.name).toBe('patentrack_app');
  });

  it('seeds rows for both organizations in every tenant table', async () => {
    for (const table of TENANT_TABLES) {
      expect(await countDirect(admin, table, orgA.orgId), table).toBeGreaterThan(0);
      expect(await countDirect(admin, table, orgB.orgId), table).toBeGreaterThan(0);
    }
  });

  describe.each(TENANT_TABLES)('%s', (table) => {
    const column = tenantColumn(table);

    it("org A sees its own rows and none of org B's", async () => {
      const visible = await run(userCtx(orgA), sql`SELECT ${id(column)}::text AS org FROM ${id(table)}`);
      expect(visible.rows.length).toBe(await countDirect(admin, table, orgA.orgId));
      expect(new Set(visible.rows.map((r) => r.org))).toEqual(new Set([orgA.orgId]));
    });

    it("org A can neither update, delete nor insert org B's rows, nor move its own to org B", async () => {
      const touchB = sql`SET ${id(column)} = ${id(column)} WHERE ${id(column)} = ${orgB.orgId}`;
      const deleteB = sql`DELETE FROM ${id(table)} WHERE ${id(column)} = ${orgB.orgId}`;
      const moveToB = sql`UPDATE ${id(table)} SET ${id(column)} = ${orgB.orgId} WHERE ${id(column)} = ${orgA.orgId}`;
      if (APPEND_ONLY.has(table)) {
        await expectDenied(run(userCtx(orgA), sql`UPDATE ${id(table)} ${touchB}`));
        await expectDenied(run(userCtx(orgA), deleteB));
        await expectDenied(run(userCtx(orgA), moveToB));
      } else {
        expect((await run(userCtx(orgA), sql`UPDATE ${id(table)} ${touchB}`)).rowCount).toBe(0);
        expect((await run(userCtx(orgA), deleteB)).rowCount).toBe(0);
        if (TENANT_READ_ONLY.has(table)) expect((await run(userCtx(orgA), moveToB)).rowCount).toBe(0);
        else await expectDenied(run(userCtx(orgA), moveToB));
      }
      await expectDenied(run(userCtx(orgA), await insertCopy(table, orgA, orgB.orgId)));
      expect(await countDirect(admin, table, orgB.orgId)).toBeGreaterThan(0);
    });

    it('shows nothing without a context', async () => {
      expect(await countAs(NO_CONTEXT, table)).toBe(0);
      const bare = await appPool.query(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)}`);
      expect(bare.rows[0].n).toBe(0);
    });

    it('shows every row to a super admin and to the worker role', async () => {
      const all = await countDirect(admin, table);
      expect(await countAs(superAdminCtx(), table)).toBe(all);
      expect(await countDirect(worker, table)).toBe(all);
    });

    it("shows a share viewer only its link's rows and lets it write nothing", async () => {
      const ctx = shareCtx(orgA, orgA.liveLinkId);
      const expected = SHARE_VISIBLE[table]?.(orgA);
      if (expected) {
        const visible = await run(
          ctx,
          sql`SELECT DISTINCT ${id(expected.column)}::text AS v FROM ${id(table)}`,
        );
        expect(visible.rows.map((r) => r.v)).toEqual(expected.values);
      } else {
        expect(await countAs(ctx, table)).toBe(0);
      }
      const touchAll = sql`UPDATE ${id(table)} SET ${id(column)} = ${id(column)}`;
      const deleteAll = sql`DELETE FROM ${id(table)}`;
      if (APPEND_ONLY.has(table)) {
        await expectDenied(run(ctx, touchAll));
        await expectDenied(run(ctx, deleteAll));
      } else {
        expect((await run(ctx, touchAll)).rowCount).toBe(0);
        expect((await run(ctx, deleteAll)).rowCount).toBe(0);
      }
      await expectDenied(run(ctx, await insertCopy(table, orgA, orgA.orgId)));
    });

    it('shows nothing to a revoked or expired link', async () => {
      expect(await countAs(shareCtx(orgA, orgA.revokedLinkId), table)).toBe(0);
      expect(await countAs(shareCtx(orgA, orgA.expiredLinkId), table)).toBe(0);
    });
  });

  it('lets only admins of the organization read its audit events', async () => {
    expect(await countAs(userCtx(orgA, 'member'), 'audit_events')).toBe(0);
    expect(await countAs(userCtx(orgA, 'admin'), 'audit_events')).toBe(
      await countDirect(admin, 'audit_events', orgA.orgId),
    );
  });

  it('filters the broken_title_chains view by the caller (security_invoker)', async () => {
    const asA = await run(userCtx(orgA), sql`SELECT organization_id::text AS org FROM broken_title_chains`);
    expect(asA.rows).toEqual([{ org: orgA.orgId }]);
    expect((await run(NO_CONTEXT, sql`SELECT * FROM broken_title_chains`)).rows).toEqual([]);
  });

  it('gives the app read-only public data and super-admin-only ingestion bookkeeping', async () => {
    expect(await countAs(NO_CONTEXT, 'conveyance_types')).toBe(16);
    await expectDenied(run(superAdminCtx(), sql`INSERT INTO entities (name, name_key) VALUES ('X', 'x')`));
    expect(await countAs(userCtx(orgA), 'data_sources')).toBe(0);
    expect(await countAs(superAdminCtx(), 'data_sources')).toBe(9);
    await expectDenied(run(superAdminCtx(), sql`DELETE FROM data_sources`));
  });

  it('lets everyone read banks and only super admins write them', async () => {
    await expectDenied(
      run(userCtx(orgA), sql`INSERT INTO banks (name, name_key) VALUES ('FIRST BANK', 'first bank')`),
    );
    await run(superAdminCtx(), sql`INSERT INTO banks (name, name_key) VALUES ('FIRST BANK', 'first bank')`);
    expect(await countAs(shareCtx(orgA, orgA.liveLinkId), 'banks')).toBe(1);
  });
});
