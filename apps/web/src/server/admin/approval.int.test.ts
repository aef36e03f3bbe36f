import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPipelineInline } from '@patentrack/pipeline';
import {
  ApiTestClient,
  seedSuperAdmin,
  setupWebTestEnvironment,
  signIn,
  signInEnrollingTotp,
  TEST_PASSWORD,
  type WebTestEnvironment,
} from '../http/testing';
import { OutboxMailTransport } from '../auth/mail';
import { closePipelineQueue } from '../jobs/pipeline-queue';
import { closeQueueReaders } from '../metrics/queues';

vi.mock('server-only', () => ({}));

const queuePrefix = `pt-test-approval-${randomBytes(4).toString('hex')}`;
let env: WebTestEnvironment;
let operator: ApiTestClient;
let pipelineQueue: Queue;

beforeAll(async () => {
  // Queues of this test only, so no running worker picks the jobs up and the test sees every job queued.
  process.env.QUEUE_PREFIX = queuePrefix;
  env = await setupWebTestEnvironment('approval');
  const superAdmin = await seedSuperAdmin(env.admin, await hash(TEST_PASSWORD, 4));
  operator = new ApiTestClient(env.routes);
  await signInEnrollingTotp(operator, superAdmin.email);
  pipelineQueue = new Queue('pipeline', {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: queuePrefix,
  });
});

afterAll(async () => {
  await pipelineQueue.obliterate({ force: true });
  await Promise.all([pipelineQueue.close(), closePipelineQueue(), closeQueueReaders()]);
  await env.teardown();
});

/** Every pipeline job ever queued for the organization, whatever its state. */
async function pipelineJobsOf(orgId: string) {
  const jobs = await pipelineQueue.getJobs([
    'waiting',
    'delayed',
    'active',
    'completed',
    'failed',
    'prioritized',
  ]);
  return jobs.filter((job) => job.data.orgId === orgId);
}

/** Self-service sign-up with an organization name, email verified with the mailed code, then signed in. */
async function registerOrganization(label: string) {
  const email = `${label}-${randomBytes(3).toString('hex')}@example.test`;
  const organizationName = `${label} Holdings ${randomBytes(3).toString('hex')}`;
  const anonymous = new ApiTestClient(env.routes);
  const created = await anonymous.post('/api/v1/auth/register', {
    email,
    password: TEST_PASSWORD,
    name: `${label} Owner`,
    organizationName,
  });
  expect(created.status).toBe(201);
  const [mail] = await new OutboxMailTransport(env.outboxDir).messagesTo(email);
  expect((await anonymous.post('/api/v1/auth/verify-email', { email, code: mail!.data.code })).status).toBe(
    200,
  );
  const owner = new ApiTestClient(env.routes);
  await signIn(owner, email);
  const me = (await owner.get('/api/v1/me')).json.data;
  return { owner, orgId: me.organization.id as string, organizationName, me };
}

describe('self-registered organizations wait for a super admin (product.md #4)', () => {
  it('before approval: provisioning, no companies, no pipeline; listed as awaiting approval', async () => {
    const { owner, orgId, organizationName, me } = await registerOrganization('Pending');
    expect(me.organization).toMatchObject({ status: 'provisioning', awaitingApproval: true });
    expect((await owner.get('/api/v1/dashboards/summary')).json.data.totalAssets).toBe(0);

    // Neither the org's admin nor a super admin can start its pipeline before approval.
    const company = await owner.post(`/api/v1/organizations/${orgId}/companies`, { name: 'PENDING CORP' });
    expect(company.status).toBe(409);
    expect(company.json.error.details.reason).toBe('awaiting_approval');
    const rebuild = await operator.post(`/api/v1/admin/organizations/${orgId}/rebuild-pipeline`, {
      startFromStep: 'classify',
    });
    expect(rebuild.status).toBe(409);
    expect(await pipelineJobsOf(orgId)).toEqual([]);
    const { rows } = await env.admin.query(
      `select (select count(*)::int from companies where organization_id = $1) as companies,
              (select count(*)::int from processing_jobs where organization_id = $1) as runs`,
      [orgId],
    );
    expect(rows[0]).toEqual({ companies: 0, runs: 0 });

    const pending = (await operator.get('/api/v1/admin/organizations?awaitingApproval=true&limit=100')).json;
    expect(pending.data).toContainEqual(
      expect.objectContaining({
        id: orgId,
        name: organizationName,
        status: 'provisioning',
        awaitingApproval: true,
      }),
    );
    expect(pending.data.every((org: { awaitingApproval: boolean }) => org.awaitingApproval)).toBe(true);
    expect((await operator.get(`/api/v1/admin/organizations/${orgId}`)).json.data.awaitingApproval).toBe(
      true,
    );
  });

  it('approval with companies adds them and queues the first run; the org is active once that run completes', async () => {
    const { owner, orgId } = await registerOrganization('Approved');
    const approved = await operator.post(`/api/v1/admin/organizations/${orgId}/approve`, {
      companies: ['APPROVED CORP', 'APPROVED LABS LLC'],
    });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    expect(approved.json.data).toEqual({
      id: orgId,
      status: 'provisioning',
      pipelineJobId: expect.any(String),
    });
    const jobs = await pipelineJobsOf(orgId);
    expect(jobs.map((job) => job.id)).toEqual([approved.json.data.pipelineJobId]);
    expect(jobs[0]!.data).toMatchObject({ orgId, from: 'classify' });

    const detail = (await operator.get(`/api/v1/admin/organizations/${orgId}`)).json.data;
    expect(detail).toMatchObject({
      awaitingApproval: false,
      status: 'provisioning',
      counts: { companies: 2 },
    });
    const { rows } = await env.admin.query(
      `select action, metadata from audit_events where organization_id = $1 and action = 'organization.approve'`,
      [orgId],
    );
    expect(rows).toEqual([{ action: 'organization.approve', metadata: { companies: 2 } }]);

    // The worker's first run activates it (run here in-process, as the worker would).
    await runPipelineInline(env.admin, { orgId, jobType: 'full_rebuild', trigger: 'test' });
    expect((await owner.get('/api/v1/me')).json.data.organization).toMatchObject({
      status: 'active',
      awaitingApproval: false,
    });

    // Approved: the org's admin may now add companies, which queues runs as usual.
    const added = await owner.post(`/api/v1/organizations/${orgId}/companies`, {
      name: 'APPROVED THREE INC',
    });
    expect(added.status).toBe(201);
    expect((await pipelineJobsOf(orgId)).length).toBe(2);

    const again = await operator.post(`/api/v1/admin/organizations/${orgId}/approve`, { companies: [] });
    expect(again.status).toBe(409);
    expect(again.json.error.details.reason).toBe('not_awaiting_approval');
  });

  it('approval without companies activates the org at once and queues nothing; only super admins approve', async () => {
    const { owner, orgId } = await registerOrganization('Empty');
    const refused = await owner.post(`/api/v1/admin/organizations/${orgId}/approve`, { companies: [] });
    expect(refused.status).toBe(403);

    const approved = await operator.post(`/api/v1/admin/organizations/${orgId}/approve`, {});
    expect(approved.json.data).toEqual({ id: orgId, status: 'active', pipelineJobId: null });
    expect(await pipelineJobsOf(orgId)).toEqual([]);
    expect((await owner.get('/api/v1/me')).json.data.organization.status).toBe('active');
    const listed = (await operator.get('/api/v1/admin/organizations?awaitingApproval=true&limit=100')).json;
    expect(listed.data.map((org: { id: string }) => org.id)).not.toContain(orgId);
  });

  it('a super admin deciding the status with #76 also ends the wait', async () => {
    const { orgId } = await registerOrganization('Rejected');
    const suspended = await operator.patch(`/api/v1/admin/organizations/${orgId}`, { status: 'suspended' });
    expect(suspended.json.data).toMatchObject({ status: 'suspended', awaitingApproval: false });
  });

  it('onboarded organizations (#74) never wait for approval', async () => {
    const onboarded = await operator.post('/api/v1/admin/organizations', {
      name: `Onboarded ${randomBytes(3).toString('hex')}`,
      environmentMode: 'PRO',
      adminEmail: `onboarded-${randomBytes(3).toString('hex')}@example.test`,
      adminName: 'Olivia Owner',
      companies: ['ONBOARDED CORP'],
    });
    expect(onboarded.status).toBe(201);
    const detail = (await operator.get(`/api/v1/admin/organizations/${onboarded.json.data.id}`)).json.data;
    expect(detail.awaitingApproval).toBe(false);
    expect((await pipelineJobsOf(onboarded.json.data.id)).length).toBe(1);
  });
});
