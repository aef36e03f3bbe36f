import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import type { Pool, PoolClient } from './db';
import { runPipelineInline } from './execute';
import { createOrganization } from './orgs';
import { seedTitleExamples } from './testing/seed-examples';

let database: TestDatabase;
let pool: Pool;
let tenantTables: string[];
const statements: string[] = [];

const textOf = (query: unknown) => (typeof query === 'string' ? query : (query as { text: string }).text);

/** A client whose every statement is recorded before it runs. */
function recording<T extends Pool | PoolClient>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query') {
        return (query: unknown, ...rest: unknown[]) => {
          statements.push(textOf(query));
          return (object.query as (...args: unknown[]) => unknown).call(object, query, ...rest);
        };
      }
      if (property === 'connect') return async () => recording(await (object as Pool).connect());
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  await seedTitleExamples(pool);
  const { rows } = await pool.query<{ table_name: string }>(
    `select distinct c.table_name from information_schema.columns c
       join pg_class k on k.relname = c.table_name and not k.relispartition
      where c.table_schema = 'public' and c.column_name = 'organization_id'
      order by 1`,
  );
  tenantTables = rows.map((r) => r.table_name);
  const org = await createOrganization(pool, { name: 'Beta Holdings', companies: ['BETA'] });
  const run = await runPipelineInline(recording(pool), { orgId: org.id });
  expect(run.status).toBe('success');
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('tenant isolation of the worker-role pipeline (data-model §7.5)', () => {
  it('every pipeline statement on a tenant table filters organization_id explicitly', () => {
    const offending: string[] = [];
    const touched = new Set<string>();
    for (const statement of statements) {
      const tables = tenantTables.filter((table) => new RegExp(`\\b${table}\\b`).test(statement));
      if (tables.length === 0) continue;
      tables.forEach((table) => touched.add(table));
      const filtered = /organization_id\s*(=|is not distinct from)\s*\$\d+/i.test(statement);
      const insertWithOrg = /^\s*insert\s+into\s+\w+\s*\(\s*organization_id\b/i.test(statement);
      if (!filtered && !insertWithOrg) offending.push(statement);
    }
    expect(offending).toEqual([]);
    // The check saw the pipeline's whole write set, not a subset.
    for (const table of [
      'assets',
      'company_assets',
      'companies',
      'customer_configurations',
      'ownership_tree_nodes',
      'company_transaction_activities',
      'timeline_entries',
      'asset_title_status',
      'dashboard_items',
      'dashboard_item_counts',
      'summary_metrics',
      'asset_diagrams',
      'processing_jobs',
      'processing_steps',
    ]) {
      expect(touched, table).toContain(table);
    }
  });
});
