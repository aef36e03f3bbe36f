import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The versioned SQL migrations shipped with this package. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** First-line marker of a migration that must run as the connecting superuser (roles, extensions). */
const RUN_AS_SUPERUSER = '-- patentrack:run-as superuser';
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** Serialises concurrent migrate() calls on one database. */
const MIGRATION_LOCK_KEY = 7_350_201_001;
export const OWNER_ROLE = 'patentrack_owner';

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
  runAsSuperuser: boolean;
}

export interface MigrateOptions {
  log?: (message: string) => void;
}

/** A migration set that cannot be applied safely: a changed or missing applied file, or a failing one. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Reads the migration files in version order with their sha256 checksums. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`Migration file name ${file} does not match NNNN_name.sql`);
    const [, version, name] = match as unknown as [string, string, string];
    if (migrations.some((m) => m.version === version)) {
      throw new MigrationError(`Two migration files share version ${version}`);
    }
    const sql = await readFile(join(dir, file), 'utf8');
    migrations.push({
      version,
      name,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
      runAsSuperuser: sql.startsWith(RUN_AS_SUPERUSER),
    });
  }
  return migrations;
}

const LEDGER_DDL = `
  CREATE SCHEMA IF NOT EXISTS patentrack_meta;
  CREATE TABLE IF NOT EXISTS patentrack_meta.schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    checksum char(64) NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/**
 * Applies pending migrations to the database of `adminUrl` (a superuser connection). Each migration runs
 * in its own transaction as patentrack_owner (or as the superuser when marked), and is recorded in a
 * ledger with its checksum. A re-run applies nothing; an applied migration whose file changed is an error.
 */
export async function migrate(
  adminUrl: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => undefined);
  const migrations = await loadMigrations();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(LEDGER_DDL);
      const ledger = await client.query<{ version: string; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM patentrack_meta.schema_migrations ORDER BY version',
      );
      const appliedVersions = new Set<string>();
      for (const row of ledger.rows) {
        const migration = migrations.find((m) => m.version === row.version);
        if (!migration) throw new MigrationError(`Applied migration ${row.version}_${row.name} has no file`);
        if (migration.checksum !== row.checksum) {
          throw new MigrationError(
            `Applied migration ${row.version}_${row.name} was changed after it ran; add a new migration instead`,
          );
        }
        appliedVersions.add(row.version);
      }

      const applied: string[] = [];
      for (const migration of migrations.filter((m) => !appliedVersions.has(m.version))) {
        const id = `${migration.version}_${migration.name}`;
        log(`applying migration ${id}`);
        try {
          await client.query('BEGIN');
          if (!migration.runAsSuperuser) await client.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
          await client.query(migration.sql);
          await client.query('RESET ROLE');
          await client.query(
            'INSERT INTO patentrack_meta.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
            [migration.version, migration.name, migration.checksum],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new MigrationError(`Migration ${id} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(id);
      }
      log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** The same server as `url`, on another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new MigrationError(`Database URL has no database name`);
  return name;
}

/** Creates the cluster-wide roles when missing, from the same SQL as migration 0000 (idempotent). */
export async function ensureRoles(client: pg.ClientBase): Promise<void> {
  const roles = (await loadMigrations()).find((m) => m.version === '0000');
  if (!roles) throw new MigrationError('The roles migration 0000 is missing');
  await client.query(roles.sql);
}

/**
 * Creates the database named by `adminUrl` (owned by patentrack_owner) when it does not exist, creating
 * the roles first. Connects to the `postgres` maintenance database of the same server.
 */
export async function ensureDatabase(adminUrl: string): Promise<{ created: boolean }> {
  const name = databaseName(adminUrl);
  const client = new pg.Client({ connectionString: databaseUrl(adminUrl, 'postgres') });
  await client.connect();
  try {
    await ensureRoles(client);
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return { created: false };
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} OWNER ${OWNER_ROLE}`);
    } catch (error) {
      // A concurrent caller created it first.
      if ((error as { code?: string }).code === '42P04') return { created: false };
      throw error;
    }
    return { created: true };
  } finally {
    await client.end();
  }
}
