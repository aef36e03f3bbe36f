import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiTestClient,
  seedPortfolioOrg,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  signedInUser,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { closePipelineQueue } from '../jobs/pipeline-queue';
import { verifyDocumentPath } from '../documents/signing';
import { createPool } from '@patentrack/db';

vi.mock('server-only', () => ({}));

const COMPANY = 'OVERLAY TEST CORP';
let env: WebTestEnvironment;
let pool: pg.Pool;
let orgId: string;
let admin: ApiTestClient;
let member: ApiTestClient;
let other: SeededTenant;

type Entity = { id: string; canonicalName: string; aliasCount: number };

async function entities(): Promise<Entity[]> {
  const page = await admin.get(`/api/v1/organizations/${orgId}/entities?limit=100`);
  expect(page.status).toBe(200);
  return page.json.data;
}
const byName = async (name: string) => (await entities()).find((e) => e.canonicalName === name)!;
const overrides = async () =>
  (
    await pool.query(
      `select entity_id, representative_id, canonical_name from org_entity_overrides where organization_id = $1 order by entity_id`,
      [orgId],
    )
  ).rows;

beforeAll(async () => {
  // Jobs this test enqueues go to a queue of its own, never to a running worker's.
  process.env.QUEUE_PREFIX = `pt-test-entities-${randomBytes(4).toString('hex')}`;
  env = await setupWebTestEnvironment('entities');
  pool = createPool(env.database.adminUrl, { max: 3 });
  pool.on('error', () => undefined);
  orgId = await seedPortfolioOrg(pool, 'Overlay Test', {
    company: COMPANY,
    assets: 6,
    transactionsPerAsset: 4,
    firstReel: 810_000,
    firstAppno: 16_000_000,
  });
  const passwordHash = await hash(TEST_PASSWORD, 4);
  admin = await signedInUser(env, orgId, 'admin', passwordHash);
  member = await signedInUser(env, orgId, 'member', passwordHash);
  other = await seedTenant(env.admin, 'other', passwordHash);
});

afterAll(async () => {
  await closePipelineQueue();
  await pool.end();
  await env.teardown();
});

describe('entity edits on the org overlay (#45-#47)', () => {
  it('merge joins the aliases (alias count = sum), rename pins a name for this org only, split takes an alias out again', async () => {
    const [bank0, bank1] = [await byName('FIRST NATIONAL BANK 0'), await byName('FIRST NATIONAL BANK 1')];
    const globalBefore = (await pool.query(`select id, representative_id from entities order by id`)).rows;

    expect(
      (
        await member.post(`/api/v1/organizations/${orgId}/entities/merge`, {
          targetEntityId: bank0.id,
          sourceEntityIds: [bank1.id],
        })
      ).status,
    ).toBe(403);
    const merged = await admin.post(`/api/v1/organizations/${orgId}/entities/merge`, {
      targetEntityId: bank0.id,
      sourceEntityIds: [bank1.id],
    });
    expect(merged.status, JSON.stringify(merged.json)).toBe(200);
    expect(merged.json.data.aliases).toHaveLength(bank0.aliasCount + bank1.aliasCount);
    expect(merged.json.data.pipelineJobId).toEqual(expect.any(String));
    const group = merged.json.data.id as string;
    expect((await entities()).find((e) => e.id === group)!.aliasCount).toBe(
      bank0.aliasCount + bank1.aliasCount,
    );

    const renamed = await admin.patch(`/api/v1/organizations/${orgId}/entities/${group}`, {
      canonicalName: 'First National Banking Group',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data.canonicalName).toBe('First National Banking Group');
    expect((await byName('First National Banking Group')).id).toBe(group);
    expect(
      (
        await pool.query(
          `select 1 from representatives where representative_name = 'First National Banking Group'`,
        )
      ).rows,
    ).toHaveLength(0);

    const bank1Alias = merged.json.data.aliases.find(
      (a: { name: string }) => a.name === 'FIRST NATIONAL BANK 1',
    ).entityId;
    const split = await admin.post(`/api/v1/organizations/${orgId}/entities/${group}/split`, {
      aliases: [bank1Alias],
    });
    expect(split.status).toBe(201);
    expect(split.json.data.id).toBe(bank1Alias);
    expect(split.json.data.canonicalName).toBe('FIRST NATIONAL BANK 1');
    expect((await entities()).find((e) => e.id === group)!.aliasCount).toBe(bank0.aliasCount);

    // The global grouping is untouched: every edit lives in this org's overlay.
    expect((await pool.query(`select id, representative_id from entities order by id`)).rows).toEqual(
      globalBefore,
    );
    expect((await overrides()).length).toBeGreaterThanOrEqual(2);
    expect(
      (
        await pool.query(`select count(*)::int as n from org_entity_overrides where organization_id <> $1`, [
          orgId,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it('refuses aliases of another entity, splitting every alias, and unknown or foreign entities', async () => {
    const [bank2, bank3] = [await byName('FIRST NATIONAL BANK 2'), await byName('FIRST NATIONAL BANK 3')];
    const stranger = await admin.post(`/api/v1/organizations/${orgId}/entities/${bank2.id}/split`, {
      aliases: [bank3.id],
    });
    expect(stranger.status).toBe(400);
    const all = await admin.post(`/api/v1/organizations/${orgId}/entities/${bank2.id}/split`, {
      aliases: [bank2.id],
    });
    expect(all.status).toBe(400);
    expect(
      (await admin.patch(`/api/v1/organizations/${orgId}/entities/${randomUUID()}`, { canonicalName: 'x y' }))
        .status,
    ).toBe(404);
    const foreign = new ApiTestClient(env.routes);
    await signIn(foreign, other.admin.email);
    expect(
      (
        await foreign.post(`/api/v1/organizations/${other.orgId}/entities/merge`, {
          targetEntityId: bank2.id,
          sourceEntityIds: [bank3.id],
        })
      ).status,
    ).toBe(404);
  });
});

describe('normalization (#43/#44)', () => {
  it('a dry run changes nothing and its preview can be applied; one run per org', async () => {
    const before = await overrides();
    const started = await admin.post(`/api/v1/organizations/${orgId}/entities/normalize`, {
      dryRun: true,
      threshold: 3,
    });
    expect(started.status).toBe(202);
    const job = await admin.get(
      `/api/v1/organizations/${orgId}/entities/normalize/${started.json.data.jobId}`,
    );
    expect(job.status).toBe(200);
    const { summary, proposedGroups } = job.json.data.result;
    // "FIRST NATIONAL BANK n" differ by one character: threshold 3 groups them into one proposed group.
    const banks = proposedGroups.find((g: { members: { name: string }[] }) =>
      g.members.some((m) => m.name === 'FIRST NATIONAL BANK 4'),
    );
    expect(banks.members.length).toBeGreaterThan(1);
    expect(banks.change).not.toBe('unchanged');
    expect(summary.parties).toBe(
      proposedGroups.reduce((n: number, g: { members: unknown[] }) => n + g.members.length, 0),
    );
    expect(await overrides()).toEqual(before);

    const applied = await admin.post(`/api/v1/organizations/${orgId}/entities/normalize`, {
      dryRun: false,
      fromPreviewJobId: started.json.data.jobId,
    });
    expect(applied.status).toBe(202);
    const result = (
      await admin.get(`/api/v1/organizations/${orgId}/entities/normalize/${applied.json.data.jobId}`)
    ).json.data.result.summary;
    expect(result.applied).toBeGreaterThan(0);
    // The bank group as proposed; it keeps the name pinned by the rename above (B4: a rename survives later runs).
    const group = (await entities()).find((e) => e.aliasCount === banks.members.length);
    expect(group, JSON.stringify(await entities())).toBeDefined();
    expect(group!.canonicalName).toBe('First National Banking Group');

    await env.redis.set(`${env.redisPrefix}:entities:normalize:lock:${orgId}`, '1', 'EX', 30);
    expect(
      (await admin.post(`/api/v1/organizations/${orgId}/entities/normalize`, { dryRun: true })).status,
    ).toBe(409);
    await env.redis.del(`${env.redisPrefix}:entities:normalize:lock:${orgId}`);
    expect(
      (await member.post(`/api/v1/organizations/${orgId}/entities/normalize`, { dryRun: true })).status,
    ).toBe(403);
    expect(
      (await admin.get(`/api/v1/organizations/${orgId}/entities/normalize/${randomUUID()}`)).status,
    ).toBe(404);
  });
});

describe('transaction panel (#27) and document links (#25)', () => {
  it('shows a transaction of the org with the assets it names; another org gets 404', async () => {
    const { rows } = await pool.query(
      `select rf_id from timeline_entries where organization_id = $1 order by rf_id limit 1`,
      [orgId],
    );
    const rfId: string = rows[0].rf_id;
    const panel = await member.get(`/api/v1/assignments/${rfId}`);
    expect(panel.status).toBe(200);
    expect(panel.json.data).toMatchObject({ rfId, documentAvailable: false });
    expect(panel.json.data.assets).toHaveLength(1);
    expect(panel.json.data.assignors.length + panel.json.data.assignees.length).toBeGreaterThan(1);
    const foreign = new ApiTestClient(env.routes);
    await signIn(foreign, other.member.email);
    expect((await foreign.get(`/api/v1/assignments/${rfId}`)).status).toBe(404);
  });

  it('signs a 15-minute link that redirects to the configured publisher URL; forged links are not found, old ones gone', async () => {
    const { rows } = await pool.query(
      `select te.rf_id, a.id as asset_id from timeline_entries te join document_ids d on d.rf_id = te.rf_id
         join assets a on a.organization_id = te.organization_id and a.appno_doc_num = d.appno_doc_num
        where te.organization_id = $1 order by te.rf_id limit 1`,
      [orgId],
    );
    const { rf_id: rfId, asset_id: assetId } = rows[0];
    delete process.env.ASSIGNMENT_DOCUMENT_URL_TEMPLATE;
    expect((await member.get(`/api/v1/assets/${assetId}/pdf?rfId=${rfId}`)).status).toBe(404);
    await pool.query(`update assignments set page_count = 3 where rf_id = $1`, [rfId]);
    expect((await member.get(`/api/v1/assets/${assetId}/pdf?rfId=${rfId}`)).status).toBe(503);
    process.env.ASSIGNMENT_DOCUMENT_URL_TEMPLATE = 'http://127.0.0.1:9/documents/{reel}-{frame}.pdf';
    const link = await member.get(`/api/v1/assets/${assetId}/pdf?rfId=${rfId}`);
    expect(link.status).toBe(200);
    expect(Date.parse(link.json.data.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const opened = await member.get(link.json.data.url);
    expect(opened.status).toBe(302);
    const [reel, frame] = rfId.split('-');
    expect(opened.headers.get('location')).toBe(
      `http://127.0.0.1:9/documents/${reel!.padStart(6, '0')}-${frame!.padStart(4, '0')}.pdf`,
    );
    expect((await member.get(link.json.data.url.replace(/signature=[^&]+/, 'signature=AAAA'))).status).toBe(
      404,
    );
    const foreign = new ApiTestClient(env.routes);
    await signIn(foreign, other.member.email);
    expect((await foreign.get(link.json.data.url)).status).toBe(404);
    const expires = Number(new URL(link.json.data.url, 'http://x').searchParams.get('expires'));
    const signature = new URL(link.json.data.url, 'http://x').searchParams.get('signature')!;
    const secret = process.env.JWT_SECRET!;
    expect(() => verifyDocumentPath(secret, orgId, rfId, expires, signature, (expires + 1) * 1000)).toThrow(
      expect.objectContaining({ code: 'GONE' }),
    );
    expect((await member.get(`/api/v1/assets/${assetId}/pdf?rfId=999999-9999`)).status).toBe(404);
  });
});
