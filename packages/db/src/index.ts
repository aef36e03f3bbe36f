// Migration tooling lives at `@patentrack/db/migrate` so app bundles never include it.
export * from './schema';
export { createDb, createPool, inTransaction, type Db, type Schema, type Tx } from './client';
export { withTenant, type TenantContext } from './tenant';
export { inventorsForTransactions, type TransactionInventor } from './queries/inventors';
export {
  replaceCpcSnapshot,
  CPC_SNAPSHOT_COLUMNS,
  type CpcSnapshotDocType,
  type CpcSnapshotResult,
  type CpcSnapshotRow,
} from './cpc-snapshot';
