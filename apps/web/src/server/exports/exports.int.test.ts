import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool } from '@patentrack/db';
import { LocalDirectoryStore } from '@patentrack/storage';
import { CSV_COLUMNS, EXPORT_JOB, toCsv, type CsvColumn, type CsvExportType } from '@patentrack/shared';
import { startTestWorker } from '../../../../worker/src/testing/runtime';
import type { WorkerRuntime } from '../../../../worker/src/worker';
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
import { watchJobCompletions } from '../jobs/testing';
import { closeWorkerQueues } from '../jobs/worker-queue';

vi.mock('server-only', () => ({}));

const COMPANY = 'EXPORT TEST CORP';
let env: WebTestEnvironment;
let pool: pg.Pool;
let worker: WorkerRuntime;
let orgId: string;
let admin: ApiTestClient;
let member: ApiTestClient;
let other: SeededTenant;
let otherMember: ApiTestClient;
let hashed: string;
let completions: Awaited<ReturnType<typeof watchJobCompletions>>;
const waitForEvent = (jobId: string) => completions.waitFor(jobId);

/** Every row of a list endpoint for `query`, walked page by page as the browser does. */
async function listRows(client: ApiTestClient, path: string, query: Record<string, string>) {
  const rows: unknown[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '7', ...(cursor ? { cursor } : {}) });
    const page = await client.get(`${path}?${params}`);
    expect(page.status, JSON.stringify(page.json)).toBe(200);
    rows.push(...page.json.data);
    cursor = page.json.cursor.hasMore ? page.json.cursor.next : null;
  } while (cursor);
  return rows;
}

/**
 * Requests an export, waits for `job-complete` and returns the status answer, the download (as text, which drops
 * the BOM) and the stored bytes.
 */
async function exported(client: ApiTestClient, body: object) {
  const started = await client.post('/api/v1/exports', body);
  expect(started.status, JSON.stringify(started.json)).toBe(202);
  const { jobId } = started.json.data;
  const event = await waitForEvent(jobId);
  const job = await worker.queues.exports.getJob(jobId);
  expect(event, job?.failedReason).toEqual({
    jobId,
    kind: 'export',
    status: 'success',
    resultUrl: `/api/v1/exports/${jobId}`,
  });
  const status = await client.get(event.resultUrl!);
  expect(status.status).toBe(200);
  const download = await client.get(status.json.data.url);
  expect(download.status).toBe(200);
  const key = new URL(status.json.data.url, 'http://localhost').searchParams.get('key')!;
  const stored = await new LocalDirectoryStore(env.storageDir).get(key);
  const bytes = Buffer.from(await new Response(stored!.body).arrayBuffer());
  return { jobId, status: status.json.data, file: download.json as string, bytes, headers: download.headers };
}

/** A new user of `org`, signed in: each has its own export allowance of 10 an hour. */
const signedIn = (org: string, role: 'admin' | 'member') => signedInUser(env, org, role, hashed);

beforeAll(async () => {
  // The web enqueues on, and the in-process worker consumes, queues of this test's own prefix.
  process.env.QUEUE_PREFIX = `pt-test-exports-${randomBytes(4).toString('hex')}`;
  env = await setupWebTestEnvironment('exports');
  pool = createPool(env.database.adminUrl, { max: 3 });
  pool.on('error', () => undefined);
  orgId = await seedPortfolioOrg(pool, 'Export Test', {
    company: COMPANY,
    assets: 15,
    transactionsPerAsset: 3,
    firstReel: 820_000,
    firstAppno: 17_000_000,
  });
  hashed = await hash(TEST_PASSWORD, 4);
  other = await seedTenant(env.admin, 'exports-other', hashed);
  admin = await signedIn(orgId, 'admin');
  member = await signedIn(orgId, 'member');
  otherMember = new ApiTestClient(env.routes);
  await signIn(otherMember, other.member.email);

  worker = await startTestWorker(env.database.workerUrl, undefined, process.env.QUEUE_PREFIX, {
    STORAGE_DIR: env.storageDir,
  });
  completions = await watchJobCompletions([orgId, other.orgId], () => worker.queues.exports);
});

afterAll(async () => {
  await worker?.stop(5_000);
  completions?.close();
  await closeWorkerQueues();
  await pool?.end();
  await env?.teardown();
});

describe('POST /exports (#55) → worker → job-complete → GET /exports/:jobId (#56)', () => {
  it.each([
    ['assets', '/api/v1/assets', { sort: 'title', order: 'asc' }],
    ['broken_titles', '/api/v1/dashboards/broken-titles', {}],
    ['timeline', '/api/v1/dashboards/timeline', { dateFrom: '2000-01-01' }],
    ['maintenance', '/api/v1/events/maintenance', {}],
    ['entities', '/api/v1/organizations/:orgId/entities', {}],
  ] as const)(
    '%s: the CSV holds exactly the rows of %s for the same filters',
    async (type, path, filters) => {
      const rows = await listRows(member, path.replace(':orgId', orgId), filters);
      const { status, file, bytes, headers } = await exported(await signedIn(orgId, 'member'), {
        type,
        format: 'csv',
        filters,
      });
      expect(status).toMatchObject({ status: 'success', rowCount: rows.length });
      expect(new Date(status.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const csv = toCsv(rows, CSV_COLUMNS[type as CsvExportType] as CsvColumn<unknown>[]);
      expect(bytes.equals(Buffer.from(csv, 'utf8'))).toBe(true);
      expect(file).toBe(csv.replace(/^\uFEFF/, ''));
      expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const today = new Date().toISOString().slice(0, 10);
      expect(headers.get('content-disposition')).toBe(
        `attachment; filename="export-test-${type.replace('_', '-')}-${today}.csv"`,
      );
      if (type === 'assets' || type === 'timeline' || type === 'entities')
        expect(rows.length).toBeGreaterThan(7);
    },
  );

  it('dashboard_report is a real PDF; its row count is the broken titles listed', async () => {
    const broken = await listRows(admin, '/api/v1/dashboards/broken-titles', {});
    const { status, bytes, headers } = await exported(admin, { type: 'dashboard_report', format: 'pdf' });
    expect(headers.get('content-type')).toBe('application/pdf');
    expect(headers.get('content-disposition')).toMatch(
      /filename="export-test-dashboard-report-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(status.rowCount).toBe(broken.length);
  });

  it("only the requester sees an export: another member, another org's user and unknown ids get 404", async () => {
    const { jobId } = await exported(member, { type: 'entities', format: 'csv' });
    expect((await member.get(`/api/v1/exports/${jobId}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/exports/${jobId}`)).status).toBe(404);
    expect((await otherMember.get(`/api/v1/exports/${jobId}`)).status).toBe(404);
    expect((await member.get(`/api/v1/exports/${randomUUID()}`)).status).toBe(404);
    expect((await new ApiTestClient(env.routes).get(`/api/v1/exports/${jobId}`)).status).toBe(401);
  });

  it('a failing export reports failed on the live channel and in its status', async () => {
    // An export the list service cannot run (a sort no list has), queued as the web would queue it.
    const jobId = randomUUID();
    await worker.queues.exports.add(
      EXPORT_JOB,
      {
        type: 'assets',
        format: 'csv',
        filters: { sort: 'noSuchSort' },
        orgId: other.orgId,
        userId: other.member.id,
        role: 'member',
      },
      { jobId },
    );
    expect(await waitForEvent(jobId)).toMatchObject({ jobId, kind: 'export', status: 'failed' });
    const status = await otherMember.get(`/api/v1/exports/${jobId}`);
    expect(status.json.data).toEqual({ status: 'failed' });
  });

  it("another org's export holds only that org's rows", async () => {
    const rows = await listRows(otherMember, '/api/v1/assets', {});
    const { status, bytes } = await exported(otherMember, { type: 'assets', format: 'csv' });
    expect(status.rowCount).toBe(3);
    expect(bytes.toString('utf8')).toBe(toCsv(rows, CSV_COLUMNS.assets as CsvColumn<unknown>[]));
  });

  it('rejects unknown types, mismatched formats and filters the list does not take (400); transactions are super-admin only (403)', async () => {
    const member = await signedIn(orgId, 'member');
    for (const body of [
      { type: 'everything', format: 'csv' },
      { type: 'assets', format: 'pdf' },
      { type: 'assets', format: 'csv', filters: { status: 'lost' } },
      { type: 'assets', format: 'csv', filters: { tenant: orgId } },
      { type: 'dashboard_report', format: 'pdf', filters: { status: 'broken' } },
    ]) {
      const response = await member.post('/api/v1/exports', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.code).toBe('VALIDATION_ERROR');
    }
    expect((await admin.post('/api/v1/exports', { type: 'transactions', format: 'csv' })).status).toBe(403);
    expect((await member.get('/api/v1/exports/not-a-job')).status).toBe(400);
  });

  it('allows 10 exports an hour per member, then answers 429 with Retry-After', async () => {
    const limited = await signedIn(other.orgId, 'member');
    for (let i = 0; i < 10; i++)
      expect((await limited.post('/api/v1/exports', { type: 'entities', format: 'csv' })).status).toBe(202);
    const refused = await limited.post('/api/v1/exports', { type: 'entities', format: 'csv' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The limit is the user's, not the organization's.
    expect((await otherMember.post('/api/v1/exports', { type: 'entities', format: 'csv' })).status).toBe(202);
  });
});
