import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestWorker } from '../../../../worker/src/testing/runtime';
import type { WorkerRuntime } from '../../../../worker/src/worker';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { unseal } from '@patentrack/shared/encryption';
import { watchJobCompletions } from '../jobs/testing';
import { closeWorkerQueues } from '../jobs/worker-queue';
import { LocalStandIn } from './testing';

vi.mock('server-only', () => ({}));

const DRIVE_TOKEN = `ya29-${randomBytes(8).toString('hex')}`;
const REFRESH_TOKEN = `refresh-${randomBytes(8).toString('hex')}`;
const RENEWED_TOKEN = `ya29-renewed-${randomBytes(8).toString('hex')}`;

const SHEETS = '/sheets/v4/spreadsheets';
/** Answer spreadsheet requests with 401, as Google does for a revoked or expired token. */
let refuseToken = false;
let sheetsCreated = 0;

/** Local stand-in for Google's token, Drive and Sheets endpoints. */
const google = new LocalStandIn(({ method, url, authorization, body }, send) => {
  if (url === '/google/token') {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'refresh_token')
      return send({ access_token: DRIVE_TOKEN, refresh_token: REFRESH_TOKEN, expires_in: 3599 });
    return form.get('refresh_token') === REFRESH_TOKEN && form.get('client_secret') === 'google-secret'
      ? send({ access_token: RENEWED_TOKEN, expires_in: 3599 })
      : send({ error: 'invalid_grant' }, 400);
  }
  if (url === '/drive/drive/v3/about?fields=user')
    return send({ user: { emailAddress: 'owner@acme.example.test' } });
  if (url === SHEETS && method === 'POST') {
    if (
      refuseToken ||
      (authorization !== `Bearer ${DRIVE_TOKEN}` && authorization !== `Bearer ${RENEWED_TOKEN}`)
    )
      return send({ error: { code: 401, status: 'UNAUTHENTICATED' } }, 401);
    const id = `sheet-${++sheetsCreated}`;
    return send({ spreadsheetId: id, spreadsheetUrl: `https://sheets.example.test/d/${id}/edit` });
  }
  send({ error: 'unexpected' }, 404);
});

interface SpreadsheetRequest {
  properties: { title: string };
  sheets: { data: { rowData: { values: { userEnteredValue?: Record<string, unknown> }[] }[] }[] }[];
}

/** The grid a spreadsheet request carries, as plain values (an empty cell is null). */
const gridOf = (request: SpreadsheetRequest) =>
  request.sheets[0]!.data[0]!.rowData.map((row) =>
    row.values.map((cell) => (cell.userEnteredValue ? Object.values(cell.userEnteredValue)[0] : null)),
  );

let env: WebTestEnvironment;
let worker: WorkerRuntime;
let org: SeededTenant;
let other: SeededTenant;
let admin: ApiTestClient;
let member: ApiTestClient;
let completions: Awaited<ReturnType<typeof watchJobCompletions>>;
const waitForEvent = (jobId: string) => completions.waitFor(jobId);

const EXPORT = '/api/v1/integrations/google-drive/export';
const resetLimit = (userId: string) => env.redis.del(`${env.redisPrefix}:auth:rl:drive-export:${userId}`);
const driveRow = async () =>
  (
    await env.admin.query(
      `select status, last_sync_at, last_error from integrations where organization_id = $1 and provider = 'google_drive'`,
      [org.orgId],
    )
  ).rows[0];

beforeAll(async () => {
  process.env.QUEUE_PREFIX = `pt-test-drive-export-${randomBytes(4).toString('hex')}`;
  env = await setupWebTestEnvironment('drive-export');
  await google.start();
  Object.assign(process.env, {
    GOOGLE_OAUTH_CLIENT_ID: 'google-client',
    GOOGLE_OAUTH_CLIENT_SECRET: 'google-secret',
    GOOGLE_OAUTH_TOKEN_URL: `${google.origin}/google/token`,
    GOOGLE_DRIVE_API_BASE_URL: `${google.origin}/drive`,
  });
  const hashed = await hash(TEST_PASSWORD, 4);
  org = await seedTenant(env.admin, 'drive-export', hashed);
  other = await seedTenant(env.admin, 'drive-export-other', hashed);
  admin = new ApiTestClient(env.routes);
  await signIn(admin, org.admin.email);
  member = new ApiTestClient(env.routes);
  await signIn(member, org.member.email);

  worker = await startTestWorker(env.database.workerUrl, undefined, process.env.QUEUE_PREFIX, {
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY!,
    GOOGLE_OAUTH_CLIENT_ID: 'google-client',
    GOOGLE_OAUTH_CLIENT_SECRET: 'google-secret',
    GOOGLE_OAUTH_TOKEN_URL: `${google.origin}/google/token`,
    GOOGLE_SHEETS_API_BASE_URL: `${google.origin}/sheets`,
  });
  completions = await watchJobCompletions([org.orgId], () => worker.queues.exports);
});

afterAll(async () => {
  await worker?.stop(5_000);
  completions?.close();
  await closeWorkerQueues();
  await google.stop();
  await env?.teardown();
});

describe('POST /integrations/google-drive/export (#70)', () => {
  it('answers 409 not_connected until an admin connects Drive', async () => {
    const refused = await member.post(EXPORT, {
      assetIds: [org.assetIds[0]],
      includeFields: ['grantNumber'],
      sheetName: 'Before connecting',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.reason).toBe('not_connected');
    expect(refused.json.error.message).toContain('Google Drive is not connected');

    const connected = await admin.post('/api/v1/integrations/google-drive/connect', {
      code: 'drive-code',
      codeVerifier: randomBytes(32).toString('base64url'),
      redirectUri: 'http://localhost:3000/settings/integrations',
    });
    expect(connected.status, JSON.stringify(connected.json)).toBe(200);
    await resetLimit(org.member.id);
  });

  it('a member exports selected assets: 202, then a sheet with the title and exactly those rows and columns', async () => {
    const selected = [org.assetIds[2], org.assetIds[0]];
    const started = await member.post(EXPORT, {
      assetIds: selected,
      includeFields: ['assignmentCount', 'grantNumber', 'title'],
      sheetName: 'Titles to review',
    });
    expect(started.status, JSON.stringify(started.json)).toBe(202);
    expect(started.json.data).toEqual({ jobId: expect.any(String), estimatedRows: 2 });
    const { jobId } = started.json.data;
    expect(await waitForEvent(jobId)).toEqual({
      jobId,
      kind: 'drive_export',
      status: 'success',
      resultUrl: 'https://sheets.example.test/d/sheet-1/edit',
    });

    const request = google.last(SHEETS);
    expect(request.authorization).toBe(`Bearer ${DRIVE_TOKEN}`);
    const sheet = JSON.parse(request.body) as SpreadsheetRequest;
    expect(sheet.properties.title).toBe('Titles to review');
    // The asset list's rows for the selection, in its order, with the picked columns in the list's column order.
    const list = (await member.get('/api/v1/assets?limit=100')).json.data as Record<string, unknown>[];
    const rows = list.filter((asset) => selected.includes(asset.id as string));
    expect(rows).toHaveLength(2);
    expect(gridOf(sheet)).toEqual([
      ['Grant number', 'Title', 'Assignments'],
      ...rows.map((asset) => [asset.grantNumber, asset.title, asset.assignmentCount]),
    ]);
    const { rows: audit } = await env.admin.query(
      `select actor_user_id, metadata from audit_events where organization_id = $1 and action = 'integration.google_drive.export'`,
      [org.orgId],
    );
    expect(audit).toEqual([
      { actor_user_id: org.member.id, metadata: { jobId, assets: 2, sheetName: 'Titles to review' } },
    ]);
    const row = await driveRow();
    expect(row.last_sync_at).not.toBeNull();
    expect(row.last_error).toBeNull();
  });

  it("another org's asset ids answer 404 like unknown ones, and nothing is queued", async () => {
    const before = google.requests.length;
    for (const assetIds of [[other.assetIds[0]], [org.assetIds[0], other.assetIds[1]], [randomUUID()]]) {
      const refused = await member.post(EXPORT, {
        assetIds,
        includeFields: ['grantNumber'],
        sheetName: 'Foreign',
      });
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.json)).not.toContain(other.orgId);
    }
    await resetLimit(org.member.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(google.requests.length).toBe(before);
  });

  it('validates the body (400)', async () => {
    const valid = { assetIds: [org.assetIds[0]], includeFields: ['grantNumber'], sheetName: 'Sheet' };
    for (const body of [
      { ...valid, assetIds: [] },
      { ...valid, assetIds: Array.from({ length: 1001 }, () => randomUUID()) },
      { ...valid, assetIds: ['not-a-uuid'] },
      { ...valid, includeFields: [] },
      { ...valid, includeFields: ['password'] },
      { ...valid, includeFields: ['title', 'title'] },
      { ...valid, sheetName: '' },
      { ...valid, sheetName: 'x'.repeat(101) },
      { assetIds: valid.assetIds, includeFields: valid.includeFields },
    ]) {
      await resetLimit(org.member.id);
      const response = await member.post(EXPORT, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json.error.code).toBe('VALIDATION_ERROR');
    }
    await resetLimit(org.member.id);
  });

  it('allows 5 exports an hour per user, then 429 with Retry-After', async () => {
    const body = { assetIds: [org.assetIds[1]], includeFields: ['title'], sheetName: 'Limited' };
    const jobIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const started = await member.post(EXPORT, body);
      expect(started.status).toBe(202);
      jobIds.push(started.json.data.jobId);
    }
    const refused = await member.post(EXPORT, body);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user of the same org has an allowance of their own.
    expect((await admin.post(EXPORT, body)).status).toBe(202);
    for (const jobId of jobIds) await waitForEvent(jobId);
    await resetLimit(org.member.id);
  });

  it('an expired access token is renewed with the refresh token and stored sealed before the export', async () => {
    await env.admin.query(
      `update integrations set token_expires_at = now() - interval '1 minute' where organization_id = $1 and provider = 'google_drive'`,
      [org.orgId],
    );
    const started = await member.post(EXPORT, {
      assetIds: [org.assetIds[0]],
      includeFields: ['grantNumber'],
      sheetName: 'Renewed',
    });
    expect(started.status).toBe(202);
    expect(await waitForEvent(started.json.data.jobId)).toMatchObject({ status: 'success' });
    expect(google.last(SHEETS).authorization).toBe(`Bearer ${RENEWED_TOKEN}`);
    const renewal = Object.fromEntries(new URLSearchParams(google.last('/google/token').body));
    expect(renewal).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
      client_id: 'google-client',
    });
    const { rows } = await env.admin.query(
      `select access_token_encrypted, token_expires_at from integrations where organization_id = $1 and provider = 'google_drive'`,
      [org.orgId],
    );
    expect(unseal(rows[0].access_token_encrypted, process.env.ENCRYPTION_KEY!)).toBe(RENEWED_TOKEN);
    expect(rows[0].token_expires_at.getTime()).toBeGreaterThan(Date.now());
    await resetLimit(org.member.id);
  });

  it('a token Google refuses (401) fails the job and marks the integration error with the reason', async () => {
    refuseToken = true;
    const started = await member.post(EXPORT, {
      assetIds: [org.assetIds[0]],
      includeFields: ['grantNumber'],
      sheetName: 'Refused',
    });
    expect(started.status).toBe(202);
    const { jobId } = started.json.data;
    expect(await waitForEvent(jobId)).toEqual({ jobId, kind: 'drive_export', status: 'failed' });
    const row = await driveRow();
    expect(row.status).toBe('error');
    expect(row.last_error).toContain('401');
    const cards = (await member.get('/api/v1/integrations')).json.data;
    expect(cards).toContainEqual(expect.objectContaining({ provider: 'google_drive', status: 'error' }));
    refuseToken = false;
  });
});
