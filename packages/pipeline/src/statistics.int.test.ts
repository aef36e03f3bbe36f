import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import type { Pool } from './db';
import { runPipelineInline } from './execute';
import { createOrganization } from './orgs';
import { insertRecordedTransactions, syntheticPortfolio } from './testing';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('planner statistics after large pipeline writes', () => {
  it('a first run that writes thousands of rows leaves the tables analyzed at their real sizes', async () => {
    const company = 'EPSILON LABS INC';
    await insertRecordedTransactions(
      pool,
      syntheticPortfolio({
        company,
        assets: 800,
        transactionsPerAsset: 3,
        firstReel: 510_000,
        firstAppno: 13_000_000,
      }),
    );
    const org = await createOrganization(pool, { name: 'Epsilon Labs', companies: [company] });
    expect((await runPipelineInline(pool, { orgId: org.id })).status).toBe('success');
    const { rows } = await pool.query<{ relname: string; reltuples: number }>(
      `select relname, reltuples::float8 as reltuples from pg_class
        where relname in ('assets', 'company_assets', 'timeline_entries', 'asset_title_status', 'asset_diagrams')`,
    );
    // Never analyzed, these would read -1 (or 0) and the planner would assume a handful of rows.
    expect(Object.fromEntries(rows.map((r) => [r.relname, r.reltuples >= 800]))).toEqual({
      assets: true,
      company_assets: true,
      timeline_entries: true,
      asset_title_status: true,
      asset_diagrams: true,
    });
  });

  it('the worker may refresh the statistics of pipeline tables only', async () => {
    await expect(pool.query(`select refresh_planner_statistics('users')`)).rejects.toThrow(
      /not a pipeline table/,
    );
  });
});
