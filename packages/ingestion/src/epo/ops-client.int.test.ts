import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { HttpClient } from '../common/http-client';
import { TestFileServer } from '../common/test-file-server';
import { OpsClient } from './ops-client';
import { refreshFamilies } from './refresh';
import { TOKEN_KEY } from './token';

const SAMPLE = join(import.meta.dirname, '../../../../data/samples/epo-ops/ops_family_EP2400812A1.xml');
const AUTH_PATH = '/auth/accesstoken';
const familyPath = (ref: string) => `/rest-services/family/publication/${ref}`;
const DAY_MS = 86_400_000;

let database: TestDatabase;
let pool: pg.Pool;
let server: TestFileServer;
let sample: Buffer;
let orgId: string;
// Every test gets its own key prefix, so the fixed key names of the spec never meet another run's.
let prefix: string;
const connections: Redis[] = [];

function redis(): Redis {
  const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
  connections.push(connection);
  return connection;
}

function opsClient(connection: Redis = redis()): OpsClient {
  return new OpsClient({
    baseUrl: server.url(''),
    credentials: { authUrl: server.url(AUTH_PATH), key: 'test-key', secret: 'test-secret' },
    ratePerSec: 1000,
    http: new HttpClient({ maxRetries: 2, backoffBaseMs: 1, connectTimeoutMs: 5000, idleTimeoutMs: 5000 }),
    redis: connection,
  });
}

function serveToken(token = 'token-1', expiresIn = '1200'): void {
  server.route(AUTH_PATH, {
    kind: 'ok',
    body: Buffer.from(
      JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'BearerToken' }),
    ),
  });
}

/** A granted US patent held as an asset; returns the asset id. */
async function grantAsset(grantDocNum: string, kind: string | null = 'B2'): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `with p as (insert into patents (grant_doc_num, grant_kind) values ($1, $2) returning id)
     insert into assets (organization_id, patent_id, grant_doc_num) select $3, p.id, $1 from p returning id`,
    [grantDocNum, kind, orgId],
  );
  return rows[0]!.id;
}

const lookup = async (queryRef: string) =>
  (
    await pool.query<{ outcome: string; family_ids: string[]; next_refresh_at: Date; attempts: number }>(
      `select outcome, family_ids, next_refresh_at, attempts from patent_family_lookups where query_ref = $1`,
      [queryRef],
    )
  ).rows[0];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl, { max: 4 });
  sample = await readFile(SAMPLE);
  const { rows } = await pool.query<{ id: string }>(
    `insert into organizations (name, slug) values ('EPO test', 'epo-test') returning id`,
  );
  orgId = rows[0]!.id;
});

beforeEach(async () => {
  prefix = `pt-test-${randomUUID()}:`;
  server = new TestFileServer();
  await server.start();
});

afterEach(async () => {
  await server.stop();
  for (const connection of connections.splice(0)) {
    const keys = await connection.keys(`${prefix}*`);
    if (keys.length > 0) await connection.del(...keys.map((k) => k.slice(prefix.length)));
    connection.disconnect();
  }
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('EPO OPS family look-ups (ingestion.md §3.6)', () => {
  it('stores the family of the real OPS sample, members replaced idempotently, refresh in 30 days', async () => {
    serveToken();
    server.route(familyPath('docdb/US.9648662.B2'), { kind: 'ok', body: sample });
    const assetId = await grantAsset('9648662');
    const client = opsClient();
    const before = Date.now();
    const first = await refreshFamilies({ pool, client, assetIds: [assetId], doneSince: new Date(before) });
    expect(first).toEqual({ found: 1, notFound: 0, failed: 0, skipped: 0 });

    const { rows: family } = await pool.query(
      `select family_id, family_type, member_count from patent_families where family_id = '43088294'`,
    );
    expect(family).toEqual([{ family_id: '43088294', family_type: 'simple', member_count: 5 }]);
    const members = async () =>
      (
        await pool.query(
          `select country, doc_number, canonical_doc_num, kind_code, publication_date,
                  appl_country, appl_doc_number, appl_kind, appl_date
             from patent_family_members where family_id = '43088294' order by country, doc_number, kind_code`,
        )
      ).rows;
    const stored = await members();
    expect(stored.map((m) => `${m.country}${m.doc_number}${m.kind_code}`)).toEqual([
      'CA2744162A1',
      'EP2400812A1',
      'EP2400812B1',
      'US2012057518A1',
      'US9648662B2',
    ]);
    // The queried document heads the response but is not a member; US numbers get their canonical form.
    expect(stored.find((m) => m.doc_number === '2012057518')).toMatchObject({
      canonical_doc_num: '20120057518',
      appl_country: 'US',
      appl_doc_number: '201113167395',
      appl_kind: 'A',
    });
    expect(stored.find((m) => m.doc_number === '9648662')?.canonical_doc_num).toBe('9648662');
    expect(stored.find((m) => m.country === 'CA')?.canonical_doc_num).toBeNull();

    const found = await lookup('US.9648662.B2');
    expect(found).toMatchObject({ outcome: 'found', family_ids: ['43088294'], attempts: 0 });
    expect(found!.next_refresh_at.getTime() - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(found!.next_refresh_at.getTime() - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
    expect(server.hits(familyPath('docdb/US.9648662.B2'))[0]!.headers).toMatchObject({
      authorization: 'Bearer token-1',
      accept: 'application/xml',
    });

    // The same job again skips what it stored; a later refresh rewrites the same rows.
    expect(await refreshFamilies({ pool, client, assetIds: [assetId], doneSince: new Date(before) })).toEqual(
      {
        found: 0,
        notFound: 0,
        failed: 0,
        skipped: 1,
      },
    );
    await refreshFamilies({ pool, client, assetIds: [assetId], doneSince: new Date() });
    expect(await members()).toEqual(stored);
    expect(server.hits(familyPath('docdb/US.9648662.B2'))).toHaveLength(2);
  });

  it('asks for one token for many look-ups and caches it for expires_in − 100 s (BR-057)', async () => {
    serveToken('token-many');
    const assets = [await grantAsset('7000001'), await grantAsset('7000002'), await grantAsset('7000003')];
    for (const number of ['7000001', '7000002', '7000003']) {
      server.route(familyPath(`docdb/US.${number}.B2`), { kind: 'ok', body: sample });
    }
    const connection = redis();
    // Two clients (two workers) sharing Redis.
    await refreshFamilies({
      pool,
      client: opsClient(connection),
      assetIds: assets.slice(0, 2),
      doneSince: new Date(),
    });
    await refreshFamilies({ pool, client: opsClient(), assetIds: assets.slice(2), doneSince: new Date() });
    expect(server.hits(AUTH_PATH)).toHaveLength(1);
    const auth = server.hits(AUTH_PATH)[0]!.headers;
    expect(auth.authorization).toBe(`Basic ${Buffer.from('test-key:test-secret').toString('base64')}`);
    expect(auth['content-type']).toBe('application/x-www-form-urlencoded');
    expect(await connection.get(TOKEN_KEY)).toBe('token-many');
    const ttl = await connection.ttl(TOKEN_KEY);
    expect(ttl).toBeGreaterThan(1090);
    expect(ttl).toBeLessThanOrEqual(1100);
  });

  it('refreshes the token in a single flight when many workers find the cache empty at once', async () => {
    serveToken('token-shared');
    const clients = Array.from({ length: 8 }, () => opsClient());
    const tokens = await Promise.all(clients.map((client) => client.token.get()));
    expect(new Set(tokens)).toEqual(new Set(['token-shared']));
    expect(server.hits(AUTH_PATH)).toHaveLength(1);
  });

  it('401: drops the cached token, fetches a new one and retries once', async () => {
    serveToken('token-new');
    const connection = redis();
    await connection.set(TOKEN_KEY, 'token-old', 'EX', 600);
    server.route(
      familyPath('docdb/US.8000001.B2'),
      { kind: 'status', status: 401, body: '<fault><code>CLIENT.InvalidAccessToken</code></fault>' },
      { kind: 'ok', body: sample },
    );
    const assetId = await grantAsset('8000001');
    const result = await refreshFamilies({
      pool,
      client: opsClient(connection),
      assetIds: [assetId],
      doneSince: new Date(),
    });
    expect(result.found).toBe(1);
    expect(server.hits(AUTH_PATH)).toHaveLength(1);
    expect(server.hits(familyPath('docdb/US.8000001.B2')).map((h) => h.headers.authorization)).toEqual([
      'Bearer token-old',
      'Bearer token-new',
    ]);
    expect(await connection.get(TOKEN_KEY)).toBe('token-new');
  });

  it('401 again after the refresh is an auth failure of the job, not of the look-up', async () => {
    serveToken('token-refused');
    server.route(familyPath('docdb/US.8000002.B2'), { kind: 'status', status: 401 });
    const assetId = await grantAsset('8000002');
    await expect(
      refreshFamilies({ pool, client: opsClient(), assetIds: [assetId], doneSince: new Date() }),
    ).rejects.toMatchObject({ errorClass: 'auth' });
    expect(server.hits(AUTH_PATH)).toHaveLength(2);
    expect(server.hits(familyPath('docdb/US.8000002.B2'))).toHaveLength(2);
    expect(await lookup('US.8000002.B2')).toBeUndefined();
  });

  it('404 in both forms: not_found, refreshed in 30 days', async () => {
    serveToken();
    const body = '<fault xmlns="http://ops.epo.org"><code>SERVER.EntityNotFound</code></fault>';
    server.route(familyPath('docdb/US.8000003.B1'), { kind: 'status', status: 404, body });
    server.route(familyPath('epodoc/US8000003'), { kind: 'status', status: 404, body });
    const assetId = await grantAsset('8000003', null);
    const before = Date.now();
    const result = await refreshFamilies({
      pool,
      client: opsClient(),
      assetIds: [assetId],
      doneSince: new Date(),
    });
    expect(result).toEqual({ found: 0, notFound: 1, failed: 0, skipped: 0 });
    // 404 is an answer, not a failure: no request-level retries.
    expect(server.hits(familyPath('docdb/US.8000003.B1'))).toHaveLength(1);
    expect(server.hits(familyPath('epodoc/US8000003'))).toHaveLength(1);
    const notFound = await lookup('US.8000003.B1');
    expect(notFound).toMatchObject({ outcome: 'not_found', family_ids: [] });
    expect(notFound!.next_refresh_at.getTime() - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(notFound!.next_refresh_at.getTime() - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
  });

  it('a 404 of the DOCDB form is retried once in the epodoc form', async () => {
    serveToken();
    server.route(familyPath('docdb/US.8000004.B2'), { kind: 'status', status: 404 });
    server.route(familyPath('epodoc/US8000004'), { kind: 'ok', body: sample });
    const assetId = await grantAsset('8000004');
    const result = await refreshFamilies({
      pool,
      client: opsClient(),
      assetIds: [assetId],
      doneSince: new Date(),
    });
    expect(result.found).toBe(1);
    expect(await lookup('US.8000004.B2')).toMatchObject({ outcome: 'found', family_ids: ['43088294'] });
  });

  it('transient failures back the look-up off 1 h → 6 h → 24 h', async () => {
    serveToken();
    server.route(familyPath('docdb/US.8000005.B2'), { kind: 'status', status: 503 });
    const assetId = await grantAsset('8000005');
    const client = opsClient();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = Date.now();
      const result = await refreshFamilies({ pool, client, assetIds: [assetId], doneSince: new Date() });
      expect(result.failed).toBe(1);
      const row = await lookup('US.8000005.B2');
      delays.push(Math.round((row!.next_refresh_at.getTime() - before) / 3_600_000));
    }
    expect(delays).toEqual([1, 6, 24, 24]);
    expect(await lookup('US.8000005.B2')).toMatchObject({ outcome: 'error', attempts: 4 });
  });

  it('403 for quota is thrown as a quota error that pauses until the next full hour', async () => {
    serveToken();
    server.route(familyPath('docdb/US.8000006.B2'), {
      kind: 'status',
      status: 403,
      headers: { 'x-rejection-reason': 'IndividualQuotaPerHour' },
      body: '<fault xmlns="http://ops.epo.org"><code>CLIENT.RobotDetected</code><message>This request has been rejected due to the violation of Fair Use policy</message></fault>',
    });
    const assetId = await grantAsset('8000006');
    const error = await refreshFamilies({
      pool,
      client: opsClient(),
      assetIds: [assetId],
      doneSince: new Date(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OpsQuotaError', errorClass: 'rate_limit', weekly: false });
    const resumeAt = (error as { resumeAt(now: Date): Date }).resumeAt(new Date('2026-11-25T23:21:07Z'));
    expect(resumeAt.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(server.hits(familyPath('docdb/US.8000006.B2'))).toHaveLength(1);
  });
});
