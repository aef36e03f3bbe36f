import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createLogger } from '@patentrack/shared';
import * as schema from './schema';

const logger = createLogger('db');

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** The handle a transaction callback receives; what withTenant() passes on. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A pg pool for one role's URL (app, worker or owner). */
export function createPool(url: string, config: Omit<pg.PoolConfig, 'connectionString'> = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, ...config });
  // An idle client dropped by the server (restart, failover, dropped database) must not crash the process;
  // the pool discards it and the next checkout opens a fresh connection.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'idle database connection lost'));
  return pool;
}

/** The typed Drizzle handle over a pool. */
export function createDb(pool: pg.Pool): Db {
  return drizzle({ client: pool, schema });
}

/** Runs `work` in one transaction on a pooled connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
