import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiTestClient,
  seedPortfolioOrg,
  seedSuperAdmin,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  signInEnrollingTotp,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { closePipelineQueue } from '../jobs/pipeline-queue';
import { closeIngestionQueue } from '../jobs/ingestion-queue';
import { closeQueueReaders } from '../metrics/queues';
import { createPool } from '@patentrack/db';

vi.mock('server-only', () => ({}));

const queuePrefix = `pt-test-admin-${randomBytes(4).toString('hex')}`;
let env: WebTestEnvironment;
let pool: pg.Pool;
let operator: ApiTestClient;
let tenant: SeededTenant;
let dataOrgId: string;
let queues: { pipeline: Queue; ingestion: Queue };

beforeAll(async () => {
  // This test's jobs go to queues of their own, never to a running worker's.
  process.env.QUEUE_PREFIX = queuePrefix;
  env = await setupWebTestEnvironment('admin');
  pool = createPool(env.database.adminUrl, { max: 3 });
  pool.on('error', () => undefined);
  const passwordHash = await hash(TEST_PASSWORD, 4);
  const superAdmin = await seedSuperAdmin(env.admin, passwordHash);
  operator = new ApiTestClient(env.routes);
  await signInEnrollingTotp(operator, superAdmin.email);
  tenant = await seedTenant(env.admin, 'tenant', passwordHash);
  dataOrgId = await seedPortfolioOrg(pool, 'Review Test', {
    company: 'REVIEW TEST CORP',
    assets: 3,
    transactionsPerAsset: 3,
    firstReel: 820_000,
    firstAppno: 17_000_000,
  });
  const connection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
  queues = {
    pipeline: new Queue('pipeline', { connection, prefix: queuePrefix }),
    ingestion: new Queue('ingestion', { connection, prefix: queuePrefix }),
  };
});

afterAll(async () => {
  await queues.pipeline.obliterate({ force: true });
  await queues.ingestion.obliterate({ force: true });
  await Promise.all([
    queues.pipeline.close(),
    queues.ingestion.close(),
    closePipelineQueue(),
    closeIngestionQueue(),
    closeQueueReaders(),
  ]);
  await pool.end();
  await env.teardown();
});

describe('onboarding (#74) and org administration (#75-#77)', () => {
  it('creates the org in provisioning with its companies and invited admin, and queues its first full run', async () => {
    const name = `Onboarded ${randomUUID().slice(0, 6)}`;
    const adminEmail = `owner-${randomUUID().slice(0, 6)}@example.test`;
    const created = await operator.post('/api/v1/admin/organizations', {
      name,
      adminEmail,
      adminName: 'Olivia Owner',
      companies: ['ONBOARD ONE INC', 'ONBOARD TWO LLC'],
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const { id, adminUserId, pipelineJobId, status, companyIds } = created.json.data;
    expect(status).toBe('provisioning');
    expect(companyIds).toHaveLength(2);
    const { rows } = await pool.query(
      `select o.status, cc.environment_mode, u.role, u.status as user_status, u.email,
              (select count(*)::int from companies c where c.organization_id = o.id) as companies,
              (select count(*)::int from user_tokens t where t.user_id = u.id and t.purpose = 'invite' and t.used_at is null) as invites
         from organizations o join customer_configurations cc on cc.organization_id = o.id join users u on u.organization_id = o.id
        where o.id = $1 and u.id = $2`,
      [id, adminUserId],
    );
    expect(rows[0]).toEqual({
      status: 'provisioning',
      environment_mode: 'PRO',
      role: 'admin',
      user_status: 'pending',
      email: adminEmail,
      companies: 2,
      invites: 1,
    });
    const job = await queues.pipeline.getJob(pipelineJobId);
    expect(job?.name).toBe('pipeline:org:rebuild');
    expect(job?.data).toMatchObject({ orgId: id, from: 'classify' });

    expect(
      (
        await operator.post('/api/v1/admin/organizations', {
          name: name.toUpperCase(),
          adminEmail: 'x@example.test',
          adminName: 'X',
        })
      ).status,
    ).toBe(409);
    const duplicateAdmin = await operator.post('/api/v1/admin/organizations', {
      name: `${name} 2`,
      adminEmail,
      adminName: 'Y',
    });
    expect(duplicateAdmin.status).toBe(409);
    expect(
      (await pool.query(`select count(*)::int as n from organizations where name = $1`, [`${name} 2`]))
        .rows[0].n,
    ).toBe(0);

    const detail = await operator.get(`/api/v1/admin/organizations/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.data).toMatchObject({
      id,
      name,
      status: 'provisioning',
      activeShareLinks: 0,
      counts: { companies: 2, users: 1 },
    });
    expect(detail.json.data.users[0].email).toBe(adminEmail);

    const activated = await operator.patch(`/api/v1/admin/organizations/${id}`, {
      status: 'active',
      environmentMode: 'KPI',
    });
    expect(activated.status).toBe(200);
    expect(activated.json.data).toMatchObject({ status: 'active', environmentMode: 'KPI' });
  });

  it('a tree rebuild queues a run from `tree`, and refuses while a run is pending', async () => {
    const rebuilt = await operator.post(`/api/v1/admin/organizations/${tenant.orgId}/rebuild-tree`);
    expect(rebuilt.status).toBe(202);
    expect((await queues.pipeline.getJob(rebuilt.json.data.jobId))?.data).toMatchObject({
      orgId: tenant.orgId,
      from: 'tree',
    });
    await pool.query(
      `insert into processing_jobs (organization_id, job_type, trigger, status) values ($1, 'manual', 'test', 'pending')`,
      [tenant.orgId],
    );
    expect((await operator.post(`/api/v1/admin/organizations/${tenant.orgId}/rebuild-tree`)).status).toBe(
      409,
    );
    expect(
      (await operator.post('/api/v1/admin/fix-items', { orgId: tenant.orgId, fixType: 'reclass' })).status,
    ).toBe(409);
    await pool.query(`delete from processing_jobs where organization_id = $1 and trigger = 'test'`, [
      tenant.orgId,
    ]);
    const fix = await operator.post('/api/v1/admin/fix-items', {
      orgId: tenant.orgId,
      fixType: 'rebuild_dashboard',
    });
    expect(fix.status).toBe(202);
    expect(fix.json.data).toMatchObject({ itemCount: 3, startFromStep: 'dashboard', status: 'queued' });
  });

  it('org admins are refused every one of these', async () => {
    const orgAdmin = new ApiTestClient(env.routes);
    await signIn(orgAdmin, tenant.admin.email);
    expect(
      (
        await orgAdmin.post('/api/v1/admin/organizations', {
          name: 'Nope Inc',
          adminEmail: 'n@example.test',
          adminName: 'N',
        })
      ).status,
    ).toBe(403);
    expect((await orgAdmin.get(`/api/v1/admin/organizations/${tenant.orgId}`)).status).toBe(403);
    expect((await orgAdmin.get('/api/v1/admin/transactions')).status).toBe(403);
    expect(
      (
        await orgAdmin.post('/api/v1/admin/ingestion/sources/uspto_assignments_daily/run', {
          files: ['http://127.0.0.1:9/a.zip'],
        })
      ).status,
    ).toBe(403);
  });
});

describe('cross-org transactions (#80)', () => {
  it("lists every org's transactions with org name, parties and affected assets; filters by org", async () => {
    const page = await operator.get(`/api/v1/admin/transactions?orgId=${dataOrgId}&limit=100`);
    expect(page.status).toBe(200);
    const expected = (
      await pool.query(
        `select count(distinct rf_id)::int as n from timeline_entries where organization_id = $1`,
        [dataOrgId],
      )
    ).rows[0].n;
    expect(page.json.total).toBe(expected);
    expect(page.json.data[0]).toMatchObject({ orgId: dataOrgId, orgName: 'Review Test', affectedAssets: 1 });
    expect(page.json.data.every((row: { orgId: string }) => row.orgId === dataOrgId)).toBe(true);
    const security = await operator.get(
      `/api/v1/admin/transactions?orgId=${dataOrgId}&conveyanceType=security`,
    );
    expect(security.json.data.every((row: { type: string }) => row.type === 'security')).toBe(true);
  });
});

describe('ingestion run now (#85) and retry (#84)', () => {
  it('queues a file load of a runnable source in the worker payload shape; a second one is refused while queued', async () => {
    const run = await operator.post('/api/v1/admin/ingestion/sources/uspto_assignments_daily/run', {
      files: ['http://127.0.0.1:9/ad20240102.zip'],
    });
    expect(run.status).toBe(202);
    const job = await queues.ingestion.getJob(run.json.data.jobId);
    expect(job?.name).toBe('ingest:assignments');
    expect(job?.data).toEqual({ sources: ['http://127.0.0.1:9/ad20240102.zip'], trigger: 'manual' });
    expect(
      (
        await operator.post('/api/v1/admin/ingestion/sources/uspto_assignments_daily/run', {
          files: ['http://127.0.0.1:9/b.zip'],
        })
      ).status,
    ).toBe(409);
    const board = await operator.get('/api/v1/admin/queues');
    expect(board.status).toBe(200);
    expect(board.json.data.find((q: { name: string }) => q.name === 'ingestion').counts.waiting).toBe(
      await queues.ingestion.getWaitingCount(),
    );
    expect(
      (
        await operator.post('/api/v1/admin/ingestion/sources/no_such_source/run', {
          files: ['http://127.0.0.1:9/b.zip'],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await operator.post('/api/v1/admin/ingestion/sources/uspto_assignments_daily/run', {
          files: ['/etc/passwd'],
        })
      ).status,
    ).toBe(400);
    const { rows } = await pool.query(
      `select key from data_sources where key not in ('uspto_assignments_daily', 'uspto_grants_biblio_weekly', 'uspto_applications_biblio_weekly') limit 1`,
    );
    expect(
      (
        await operator.post(`/api/v1/admin/ingestion/sources/${rows[0].key}/run`, {
          files: ['http://127.0.0.1:9/c.zip'],
        })
      ).status,
    ).toBe(422);
  });

  it('without files queues a poll of the source product, as a scheduled run does', async () => {
    const run = await operator.post(
      '/api/v1/admin/ingestion/sources/uspto_applications_biblio_weekly/run',
      {},
    );
    expect(run.status).toBe(202);
    const job = await queues.ingestion.getJob(run.json.data.jobId);
    expect(job?.name).toBe('ingest:applications');
    expect(job?.data).toEqual({ trigger: 'manual' });
  });

  it('re-queues a failed job from its recorded file URL; anything but a failed job is a 409', async () => {
    const source = (await pool.query(`select id from data_sources where key = 'uspto_grants_biblio_weekly'`))
      .rows[0].id;
    const file = (
      await pool.query(
        `insert into ingestion_files (data_source_id, file_name, remote_url) values ($1, 'ipgb20240102.zip', 'http://127.0.0.1:9/ipgb20240102.zip') returning id`,
        [source],
      )
    ).rows[0].id;
    const insertJob = async (status: string) =>
      (
        await pool.query(
          `insert into ingestion_jobs (data_source_id, ingestion_file_id, trigger, status) values ($1, $2, 'cron', $3) returning id`,
          [source, file, status],
        )
      ).rows[0].id as string;
    const failed = await insertJob('failed');
    const retried = await operator.post(`/api/v1/admin/ingestion/jobs/${failed}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.json.data).toMatchObject({ jobId: failed, status: 'waiting' });
    const job = await queues.ingestion.getJob(retried.json.data.queueJobId);
    expect(job?.name).toBe('ingest:grants');
    expect(job?.data).toEqual({ sources: ['http://127.0.0.1:9/ipgb20240102.zip'], trigger: 'retry' });
    expect(
      (await operator.post(`/api/v1/admin/ingestion/jobs/${await insertJob('success')}/retry`)).status,
    ).toBe(409);
    expect((await operator.post(`/api/v1/admin/ingestion/jobs/${randomUUID()}/retry`)).status).toBe(404);
  });
});
