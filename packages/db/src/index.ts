export * from './schema';
export { createDb, createPool, type Db, type Schema, type Tx } from './client';
export { withTenant, type TenantContext } from './tenant';
export {
  databaseUrl,
  ensureDatabase,
  ensureRoles,
  loadMigrations,
  migrate,
  MigrationError,
  MIGRATIONS_DIR,
  type MigrateOptions,
  type Migration,
} from './migrate';
