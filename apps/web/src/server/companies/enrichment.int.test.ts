import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import { Queue } from 'bullmq';
import { companyLogoKey, LocalDirectoryStore, PNG } from '@patentrack/storage';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiTestClient,
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
import { closeWorkerQueues } from '../jobs/worker-queue';

vi.mock('server-only', () => ({}));

const queuePrefix = `pt-test-enrich-${randomBytes(4).toString('hex')}`;
const testQueue = (name: string) =>
  new Queue(name, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: queuePrefix,
  });
let env: WebTestEnvironment;
let tenant: SeededTenant;
let orgAdmin: ApiTestClient;
let otherTenant: SeededTenant;
let otherMember: ApiTestClient;
let operator: ApiTestClient;
let enrichment: Queue;

beforeAll(async () => {
  // Queues of this test only: no running worker takes the jobs, so the test sees each one as it was queued.
  process.env.QUEUE_PREFIX = queuePrefix;
  env = await setupWebTestEnvironment('enrich');
  const passwordHash = await hash(TEST_PASSWORD, 4);
  tenant = await seedTenant(env.admin, 'enrich', passwordHash);
  orgAdmin = new ApiTestClient(env.routes);
  await signIn(orgAdmin, tenant.admin.email);
  otherTenant = await seedTenant(env.admin, 'enrich-other', passwordHash);
  otherMember = new ApiTestClient(env.routes);
  await signIn(otherMember, otherTenant.member.email);
  operator = new ApiTestClient(env.routes);
  await signInEnrollingTotp(operator, (await seedSuperAdmin(env.admin, passwordHash)).email);
  enrichment = testQueue('enrichment');
});

afterAll(async () => {
  const pipeline = testQueue('pipeline');
  await Promise.all([enrichment, pipeline].map((queue) => queue.obliterate({ force: true })));
  await Promise.all([enrichment.close(), pipeline.close(), closeWorkerQueues(), closePipelineQueue()]);
  await env.teardown();
});

const enrichmentJobs = async () =>
  (await enrichment.getJobs(['waiting'])).map((job) => ({ name: job.name, data: job.data }));

describe('company enrichment in the API (ingestion.md §3.7)', () => {
  it('adding a company queues enrich:company for it once it is committed, and answers the job id', async () => {
    const added = await orgAdmin.post(`/api/v1/organizations/${tenant.orgId}/companies`, {
      name: 'ENRICH ME INC',
    });
    expect(added.status, JSON.stringify(added.json)).toBe(201);
    const { id, enrichmentJobId } = added.json.data;
    const job = await enrichment.getJob(enrichmentJobId);
    expect({ name: job?.name, data: job?.data }).toEqual({
      name: 'enrich:company',
      data: { organizationId: tenant.orgId, companyId: id },
    });
    const { rows } = await env.admin.query(`select enrichment_status from companies where id = $1`, [id]);
    expect(rows).toEqual([{ enrichment_status: 'pending' }]);
  });

  it('onboarding queues one enrich:company per company of the new org', async () => {
    const onboarded = await operator.post('/api/v1/admin/organizations', {
      name: `Enriched Holdings ${randomBytes(3).toString('hex')}`,
      adminEmail: `owner-${randomBytes(3).toString('hex')}@example.test`,
      adminName: 'Olivia Owner',
      companies: ['ENRICHED ONE INC', 'ENRICHED TWO LLC'],
    });
    expect(onboarded.status, JSON.stringify(onboarded.json)).toBe(201);
    const { id, companyIds } = onboarded.json.data as { id: string; companyIds: string[] };
    const queued = (await enrichmentJobs()).filter((job) => job.data.organizationId === id);
    expect(queued.map((job) => job.data.companyId).sort()).toEqual([...companyIds].sort());
    expect(new Set(queued.map((job) => job.name))).toEqual(new Set(['enrich:company']));
  });

  it("a company's enriched logo is served through a signed link of its org only", async () => {
    const logoPath = `/api/v1/organizations/${tenant.orgId}/companies/${tenant.companyId}/logo`;
    expect((await orgAdmin.get(logoPath)).status).toBe(404);
    // What the worker's enrichment leaves behind: the file in the shared store and its key on the row.
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const key = companyLogoKey(tenant.orgId, tenant.companyId, PNG);
    await new LocalDirectoryStore(env.storageDir).put(key, bytes);
    await env.admin.query(`update companies set logo_object_key = $1 where id = $2`, [key, tenant.companyId]);

    const listed = await orgAdmin.get(`/api/v1/organizations/${tenant.orgId}/companies?search=Company`);
    expect(listed.json.data.find((c: { id: string }) => c.id === tenant.companyId).logoUrl).toBe(logoPath);
    const redirect = await orgAdmin.get(logoPath);
    expect(redirect.status).toBe(302);
    const link = new URL(redirect.headers.get('location')!, 'http://localhost');
    expect(link.searchParams.get('key')).toBe(key);
    const download = await orgAdmin.get(`${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-length')).toBe(String(bytes.byteLength));

    // Another org sees neither the logo path nor the signed link.
    const foreignPath = `/api/v1/organizations/${otherTenant.orgId}/companies/${tenant.companyId}/logo`;
    expect((await otherMember.get(foreignPath)).status).toBe(404);
    expect((await otherMember.get(logoPath)).status).toBe(404);
    expect((await otherMember.get(`${link.pathname}${link.search}`)).status).toBe(404);
  });
});
