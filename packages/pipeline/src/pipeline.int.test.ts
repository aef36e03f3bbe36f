import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import type { Pool } from './db';
import { runPipelineInline } from './execute';
import { createOrganization } from './orgs';
import { seedTitleExamples } from './testing/seed-examples';
import { exampleAsset, exampleRfId, TITLE_CHAIN_EXAMPLES } from './title-chains';
import { titleStatusForPatent } from './title-query';

let database: TestDatabase;
let pool: Pool;
const orgs = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  await seedTitleExamples(pool);
  for (const company of new Set(TITLE_CHAIN_EXAMPLES.map((e) => e.company))) {
    const org = await createOrganization(pool, { name: `${company} Holdings`, companies: [company] });
    orgs.set(company, org.id);
    const run = await runPipelineInline(pool, { orgId: org.id });
    expect(run.status).toBe('success');
  }
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('pipeline on the worked title examples', () => {
  it.each(TITLE_CHAIN_EXAMPLES.map((example, index) => [example.id, example, index] as const))(
    '%s: asset_title_status verdict, reason and encumbrance',
    async (_id, example, index) => {
      const rows = await titleStatusForPatent(pool, orgs.get(example.company)!, exampleAsset(index).grant);
      expect(rows).toHaveLength(1);
      const row = rows[0] as Record<string, unknown>;
      expect({ status: row.status, reason: row.reason, encumbered: row.encumbered }).toEqual({
        status: example.expected.status,
        reason: example.expected.reason,
        encumbered: example.expected.encumbered,
      });
      if (example.expected.breakRf) expect(row.breakRfId).toBe(exampleRfId(index, example.expected.breakRf));
      if (example.expected.openSecurities) {
        expect(row.openSecurityRfIds).toEqual(
          example.expected.openSecurities.map((rf) => exampleRfId(index, rf)),
        );
      }
      if (example.expected.employeeLinks) expect(row.employeeLinkCount).toBe(example.expected.employeeLinks);
    },
  );
});

describe('organization life cycle', () => {
  it('a provisioning organization becomes active when its first run completes', async () => {
    const org = await createOrganization(pool, { name: 'Onboarded Holdings', companies: ['ACME'] });
    await pool.query(`update organizations set status = 'provisioning' where id = $1`, [org.id]);
    expect((await runPipelineInline(pool, { orgId: org.id })).status).toBe('success');
    const { rows } = await pool.query<{ status: string }>(`select status from organizations where id = $1`, [
      org.id,
    ]);
    expect(rows[0]!.status).toBe('active');
  });
});
