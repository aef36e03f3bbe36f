import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verify } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { exampleAsset, exampleRfId, TITLE_CHAIN_EXAMPLES, titleStatusForPatent } from '@patentrack/pipeline';
import { DEMO_ADMIN_EMAIL, seedDemo, type DemoSeedResult } from './demo';

let database: TestDatabase;
let pool: Pool;
let envDir: string;
let first: DemoSeedResult;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  envDir = mkdtempSync(path.join(tmpdir(), 'pt-seed-'));
  first = await seedDemo(pool, { envFile: path.join(envDir, '.env.local') });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
  rmSync(envDir, { recursive: true, force: true });
});

describe('seed demo', () => {
  it('loads the samples, creates the demo organization with assets from real chains and runs its pipeline', async () => {
    expect(first.seeded).toBe(true);
    expect(first.files.every((f) => f.status === 'success' || f.status === 'partial')).toBe(true);
    expect(first.run?.status).toBe('success');
    const { rows } = await pool.query<{
      companies: number;
      assets: number;
      verdicts: number;
      diagrams: number;
    }>(
      `select (select count(*) from companies where organization_id = $1)::int as companies,
              (select count(*) from company_assets where organization_id = $1)::int as assets,
              (select count(*) from asset_title_status where organization_id = $1)::int as verdicts,
              (select count(*) from asset_diagrams where organization_id = $1)::int as diagrams`,
      [first.orgId],
    );
    expect(rows[0]!.companies).toBe(4);
    expect(rows[0]!.assets).toBeGreaterThan(5);
    expect(rows[0]!.verdicts).toBeGreaterThan(0);
    expect(rows[0]!.diagrams).toBeGreaterThan(0);
    expect(rows[0]!.diagrams).toBeLessThanOrEqual(rows[0]!.verdicts);
  });

  it('shows complete, broken and encumbered assets side by side', async () => {
    const { rows } = await pool.query<{ display_status: string; assets: number }>(
      `select display_status, count(distinct asset_id)::int as assets
         from asset_title_status where organization_id = $1 group by display_status`,
      [first.orgId],
    );
    const assets = Object.fromEntries(rows.map((r) => [r.display_status, r.assets]));
    expect(assets).toMatchObject({
      complete: expect.any(Number),
      broken: expect.any(Number),
      encumbered: expect.any(Number),
    });
  });

  it.each(
    TITLE_CHAIN_EXAMPLES.map((example, index) => [example.id, example, index] as const).filter(
      ([, example]) => example.company === 'BETA',
    ),
  )(
    '%s: the demo holds the asset of BETA with the verdict of business-rules §4.2',
    async (_id, example, index) => {
      const rows = await titleStatusForPatent(pool, first.orgId, exampleAsset(index).grant);
      const row = rows.find((r) => r.companyName === 'BETA');
      expect(row).toBeDefined();
      expect({ status: row!.status, reason: row!.reason, encumbered: row!.encumbered }).toEqual({
        status: example.expected.status,
        reason: example.expected.reason,
        encumbered: example.expected.encumbered,
      });
      if (example.expected.breakRf) expect(row!.breakRfId).toBe(exampleRfId(index, example.expected.breakRf));
      if (example.expected.openSecurities)
        expect(row!.openSecurityRfIds).toEqual(
          example.expected.openSecurities.map((rf) => exampleRfId(index, rf)),
        );
      if (example.expected.employeeLinks) expect(row!.employeeLinkCount).toBe(example.expected.employeeLinks);
    },
  );

  it('loads the CPC samples: the examples are classified, the sample grant keeps its symbols, the scheme describes them', async () => {
    const { rows } = await pool.query<{
      classified: number;
      subclasses: number;
      sample: number;
      scheme: number;
    }>(
      `select (select count(distinct a.id)::int from assets a join patent_cpc_codes pc
                 on pc.doc_type = 'grant' and pc.doc_num = a.grant_doc_num where a.organization_id = $1) as classified,
              (select count(distinct left(pc.cpc_code, 4))::int from assets a join patent_cpc_codes pc
                 on pc.doc_type = 'grant' and pc.doc_num = a.grant_doc_num where a.organization_id = $1) as subclasses,
              (select count(*)::int from patent_cpc_codes where doc_num = '9400000') as sample,
              (select count(*)::int from cpc_classifications where cpc_code like 'A01L%') as scheme`,
      [first.orgId],
    );
    expect(rows[0]!.classified).toBe(TITLE_CHAIN_EXAMPLES.length);
    expect(rows[0]!.subclasses).toBeGreaterThan(5);
    expect(rows[0]!.sample).toBeGreaterThan(0);
    expect(rows[0]!.scheme).toBeGreaterThan(0);
    expect(first.files.map((f) => f.file)).toContain('US_Grant_CPC_MCF_XML_sample_US9400000.xml');
  });

  it('creates an active admin login whose password verifies against the stored bcrypt hash and is kept in .env.local', async () => {
    expect(first.admin.created).toBe(true);
    const { rows } = await pool.query<{ password_hash: string; role: string; status: string }>(
      `select password_hash, role, status from users where email = $1`,
      [DEMO_ADMIN_EMAIL],
    );
    expect(rows[0]).toMatchObject({ role: 'admin', status: 'active' });
    expect(rows[0]!.password_hash.startsWith('$2b$12$')).toBe(true);
    expect(await verify(first.admin.password!, rows[0]!.password_hash)).toBe(true);
    expect(readFileSync(path.join(envDir, '.env.local'), 'utf8')).toContain(
      `DEMO_ADMIN_PASSWORD=${first.admin.password}`,
    );
  });

  it('--if-missing leaves an existing demo organization alone', async () => {
    const again = await seedDemo(pool, { ifMissing: true, envFile: path.join(envDir, '.env.local') });
    expect(again).toMatchObject({ orgId: first.orgId, seeded: false, run: null, admin: { password: null } });
  });

  it('--if-missing from a checkout without the saved password issues a new one that signs in', async () => {
    const otherCheckout = path.join(envDir, 'other.env.local');
    const again = await seedDemo(pool, { ifMissing: true, envFile: otherCheckout });
    expect(again).toMatchObject({ orgId: first.orgId, seeded: false, run: null });
    const password = again.admin.password!;
    expect(readFileSync(otherCheckout, 'utf8')).toContain(`DEMO_ADMIN_PASSWORD=${password}`);
    const { rows } = await pool.query<{ password_hash: string }>(
      `select password_hash from users where lower(email) = lower($1)`,
      [DEMO_ADMIN_EMAIL],
    );
    expect(rows).toHaveLength(1);
    expect(await verify(password, rows[0]!.password_hash)).toBe(true);
    expect(await verify(first.admin.password!, rows[0]!.password_hash)).toBe(false);
  });
});
