import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, ensureDatabase, loadMigrations, migrate, MigrationError } from './migrate';
import { testAdminUrl } from './testing';
import { catalogDigest } from './test-support/catalog';

const name = `patentrack_migrate_${randomBytes(4).toString('hex')}`;
const adminUrl = databaseUrl(testAdminUrl(), name);

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ledger = (client: pg.Client) =>
  client.query(
    'SELECT version, name, checksum, applied_at FROM patentrack_meta.schema_migrations ORDER BY version',
  );

describe('migrate() on an empty database', () => {
  beforeAll(async () => {
    expect(await ensureDatabase(adminUrl)).toEqual({ created: true });
  });
  afterAll(async () => {
    await withClient(databaseUrl(testAdminUrl(), 'postgres'), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
    );
  });

  it('creates the database once, owned by patentrack_owner', async () => {
    expect(await ensureDatabase(adminUrl)).toEqual({ created: false });
    const owner = await withClient(adminUrl, (client) =>
      client.query(
        `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()`,
      ),
    );
    expect(owner.rows[0].owner).toBe('patentrack_owner');
  });

  it('applies every migration, then re-applies as a no-op', async () => {
    const files = await loadMigrations();
    const first = await migrate(adminUrl);
    expect(first.applied).toEqual(files.map((m) => `${m.version}_${m.name}`));

    const [ledgerBefore, digestBefore] = await withClient(adminUrl, async (c) => [
      await ledger(c),
      await catalogDigest(c),
    ]);
    const second = await migrate(adminUrl);
    expect(second.applied).toEqual([]);
    const [ledgerAfter, digestAfter] = await withClient(adminUrl, async (c) => [
      await ledger(c),
      await catalogDigest(c),
    ]);
    expect(ledgerAfter).toEqual(ledgerBefore);
    expect(digestAfter).toBe(digestBefore);
  });

  it('owns every object by patentrack_owner, except the definer functions', async () => {
    const owners = await withClient(adminUrl, (client) =>
      client.query(`
        SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace
        UNION
        SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`),
    );
    expect(owners.rows.map((r) => r.owner).sort()).toEqual(['patentrack_definer', 'patentrack_owner']);
  });

  it('refuses to run when an applied migration was changed', async () => {
    await withClient(adminUrl, (client) =>
      client.query(
        `UPDATE patentrack_meta.schema_migrations SET checksum = repeat('0', 64) WHERE version = '0002'`,
      ),
    );
    await expect(migrate(adminUrl)).rejects.toThrow(MigrationError);
    await expect(migrate(adminUrl)).rejects.toThrow(/0002_schema was changed/);
  });
});
