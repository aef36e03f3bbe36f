import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { LOCAL_DEFAULTS, withDatabaseUser } from '@patentrack/shared';
import { databaseUrl, ensureRoles, loadMigrations, migrate, OWNER_ROLE } from '../migrate';

/** Serialises template builds across concurrent test runs of the cluster (taken in `postgres`). */
const TEMPLATE_LOCK_KEY = 7_350_201_002;
const TEMPLATE_PREFIX = 'patentrack_tpl_';

/** Base admin URL of the test cluster: env DATABASE_URL, else the local default. */
export function testAdminUrl(): string {
  return process.env.DATABASE_URL ?? LOCAL_DEFAULTS.DATABASE_URL;
}

async function withMaintenanceClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(adminUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template name carries a hash of the migration files, so any change to them builds a new one. */
export async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  for (const migration of await loadMigrations()) hash.update(`${migration.version}:${migration.checksum}\n`);
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

/**
 * Builds the migrated template database once (idempotent, safe across concurrent runs) and returns its
 * name. Templates of older migration sets are dropped when nobody is using them.
 */
export async function ensureTestTemplate(adminUrl: string = testAdminUrl()): Promise<string> {
  const name = await templateName();
  await withMaintenanceClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      await ensureRoles(client);
      const existing = await client.query<{ datistemplate: boolean }>(
        'SELECT datistemplate FROM pg_database WHERE datname = $1',
        [name],
      );
      if (existing.rows[0]?.datistemplate) return;
      const quoted = client.escapeIdentifier(name);
      // A database without the template flag is a build that died half-way.
      if (existing.rowCount) await client.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoted} OWNER ${OWNER_ROLE}`);
      await migrate(databaseUrl(adminUrl, name));
      await client.query(`ALTER DATABASE ${quoted} IS_TEMPLATE true`);
      await dropStaleTemplates(client, name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}

async function dropStaleTemplates(client: pg.Client, current: string): Promise<void> {
  const stale = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
    [`${TEMPLATE_PREFIX}%`, current],
  );
  for (const { datname } of stale.rows) {
    const quoted = client.escapeIdentifier(datname);
    try {
      await client.query(`ALTER DATABASE ${quoted} IS_TEMPLATE false`);
      await client.query(`DROP DATABASE ${quoted}`);
    } catch {
      // Still being cloned by another run; a later build removes it.
    }
  }
}

export interface TestDatabase {
  name: string;
  /** Superuser connection. */
  adminUrl: string;
  ownerUrl: string;
  /** patentrack_app: RLS applies. */
  appUrl: string;
  /** patentrack_worker: BYPASSRLS. */
  workerUrl: string;
  /** Terminates open connections and drops the database. */
  drop(): Promise<void>;
}

let template: Promise<string> | undefined;

/** A fresh, migrated database cloned from the template; each integration test file uses its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminBase = testAdminUrl();
  template ??= ensureTestTemplate(adminBase);
  const templateDb = await template;
  const name = `patentrack_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withMaintenanceClient(adminBase, async (client) => {
    const sql = `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(templateDb)} OWNER ${OWNER_ROLE}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        // 55006: another clone of the same template is in progress; clones of one template serialise.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  const adminUrl = databaseUrl(adminBase, name);
  return {
    name,
    adminUrl,
    ownerUrl: withDatabaseUser(adminUrl, OWNER_ROLE),
    appUrl: withDatabaseUser(adminUrl, 'patentrack_app'),
    workerUrl: withDatabaseUser(adminUrl, 'patentrack_worker'),
    drop: () =>
      withMaintenanceClient(adminBase, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
  };
}

/**
 * Runs maintenance statements (ANALYZE, VACUUM) on a test database as the superuser. Benchmarks load data as the
 * worker role, which may not run them: it only gets a warning, and the tables keep no statistics.
 */
export async function maintainAsSuperuser(db: TestDatabase, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
