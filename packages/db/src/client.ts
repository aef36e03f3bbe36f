import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** The handle a transaction callback receives; what withTenant() passes on. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A pg pool for one role's URL (app, worker or owner). */
export function createPool(url: string, config: Omit<pg.PoolConfig, 'connectionString'> = {}): pg.Pool {
  return new pg.Pool({ connectionString: url, ...config });
}

/** The typed Drizzle handle over a pool. */
export function createDb(pool: pg.Pool): Db {
  return drizzle({ client: pool, schema });
}
