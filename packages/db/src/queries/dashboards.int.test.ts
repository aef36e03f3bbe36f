import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../client';
import { withTenant, type TenantContext } from '../tenant';
import { createTestDatabase, type TestDatabase } from '../testing';
import { seedOrganization, type OrgFixture } from '../test-support/tenant-fixture';
import { dashboardSummary } from './dashboards';

let database: TestDatabase;
let admin: pg.Client;
let org: OrgFixture;
let completedAt: Date;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const entity = await admin.query(
    `INSERT INTO entities (name, name_key) VALUES ('ACME INC', 'acme inc') RETURNING id`,
  );
  org = await seedOrganization(admin, 'tenant', entity.rows[0].id);
  const { rows } = await admin.query<{ completed_at: Date }>(
    `INSERT INTO ingestion_jobs (data_source_id, trigger, status, completed_at)
     SELECT id, 'manual', 'success', now() - interval '1 hour' FROM data_sources WHERE key = 'uspto_assignments_daily'
     RETURNING completed_at`,
  );
  completedAt = rows[0]!.completed_at;
  await admin.query(
    `INSERT INTO ingestion_jobs (data_source_id, trigger, status, completed_at)
     SELECT id, 'manual', 'failed', now() FROM data_sources WHERE key = 'uspto_assignments_daily'`,
  );
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

describe('dashboardSummary', () => {
  it('tells a member when the public data last loaded, while ingestion bookkeeping stays super-admin only', async () => {
    const pool = createPool(database.appUrl, { max: 1 });
    try {
      const member: TenantContext = { orgId: org.orgId, userId: org.userId, role: 'member', scope: 'user' };
      const { summary, visibleJobs } = await withTenant(createDb(pool), member, async (tx) => ({
        summary: await dashboardSummary(tx),
        visibleJobs: (await tx.execute<{ n: number }>(sql`select count(*)::int as n from ingestion_jobs`))
          .rows[0]!.n,
      }));
      expect(summary.lastIngestionDate).toBe(completedAt.toISOString());
      expect(visibleJobs).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
