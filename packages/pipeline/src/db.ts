import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@patentrack/db';

export type { Pool, PoolClient };

/** Anything that runs a parameterised statement: a pool or a client inside a transaction. */
export interface Queryable {
  query: PoolClient['query'];
}

/**
 * Runs `fn` in one transaction on a worker-role connection. `app.current_org_id` is set transaction-locally
 * for logging and auditing only: the worker bypasses RLS, so every statement filters `organization_id` itself
 * (data-model §7.5).
 */
export async function inOrgTransaction<T>(
  pool: Pool,
  orgId: string,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
    return fn(client);
  });
}

/** PostgreSQL SQLSTATE of a failed statement, if the error came from the server. */
export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

export const UNIQUE_VIOLATION = '23505';
