import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/bcrypt';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool } from '@patentrack/db';
import {
  cpcGrantRecordXml,
  ingestCpcMasterFile,
  ingestCpcSchemeFile,
  withCpcRecords,
  withoutCpcRecords,
} from '@patentrack/ingestion';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';

vi.mock('server-only', () => ({}));

const SAMPLES = path.resolve(import.meta.dirname, '../../../../../data/samples/uspto-cpc');
const MASTER = readFileSync(path.join(SAMPLES, 'US_Grant_CPC_MCF_XML_sample_US9400000.xml'), 'utf8');
interface WordcloudItem {
  code: string;
  description: string | null;
  count: number;
  weight: number;
}

let env: WebTestEnvironment;
let worker: pg.Pool;
let dir: string;
let tenant: SeededTenant;
let other: SeededTenant;
let member: ApiTestClient;
let otherMember: ApiTestClient;

const cloud = async (client: ApiTestClient, query: string): Promise<WordcloudItem[]> => {
  const response = await client.get(`/api/v1/dashboards/cpc-wordcloud${query}`);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.data;
};

beforeAll(async () => {
  env = await setupWebTestEnvironment('cpc');
  worker = createPool(env.database.workerUrl, { max: 3 });
  dir = await mkdtemp(path.join(tmpdir(), 'pt-cpc-cloud-'));
  const passwordHash = await hash(TEST_PASSWORD, 4);
  tenant = await seedTenant(env.admin, 'cpc', passwordHash);
  other = await seedTenant(env.admin, 'cpc-other', passwordHash);
  // Filing years for the year filter; the other tenant's assets are other grants, one of them classified.
  for (const [index, year] of [2015, 2015, 2018].entries()) {
    await env.admin.query(`update assets set appno_date = $1 where id = $2`, [
      `${year}-03-01`,
      tenant.assetIds[index],
    ]);
  }
  for (const [index, assetId] of other.assetIds.entries()) {
    await env.admin.query(`update assets set grant_doc_num = $1 where id = $2`, [
      `${9_100_000 + index}`,
      assetId,
    ]);
  }
  await ingestCpcSchemeFile({ pool: worker, source: path.join(SAMPLES, 'cpc-scheme-A01L.xml') });
  const master = path.join(dir, 'US_Grant_CPC_MCF_XML_2025-01-01.xml');
  await writeFile(
    master,
    withCpcRecords(withoutCpcRecords(MASTER), [
      cpcGrantRecordXml('9000000', ['A01L1/02', 'A01L3/00', 'F04D29/703']),
      cpcGrantRecordXml('9000001', ['A01L1/04']),
      cpcGrantRecordXml('9000002', ['F04D17/08']),
      cpcGrantRecordXml('9100000', ['H04L9/32']),
    ]),
  );
  expect(await ingestCpcMasterFile({ pool: worker, source: master })).toMatchObject({ status: 'success' });
  member = new ApiTestClient(env.routes);
  otherMember = new ApiTestClient(env.routes);
  await signIn(member, tenant.member.email);
  await signIn(otherMember, other.member.email);
});

afterAll(async () => {
  await worker?.end();
  await env?.teardown();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /dashboards/cpc-wordcloud (#33) on ingested master-file rows', () => {
  it('counts each asset once per subclass, weights by the largest count and describes codes from the scheme', async () => {
    const { rows } = await env.admin.query(`select title from cpc_classifications where cpc_code = 'A01L'`);
    expect(await cloud(member, '')).toEqual([
      { code: 'A01L', description: rows[0].title, count: 2, weight: 1 },
      { code: 'F04D', description: null, count: 2, weight: 1 },
    ]);
    expect(rows[0].title).toEqual(expect.any(String));
  });

  it('groups by section and class', async () => {
    expect((await cloud(member, '?level=section')).map(({ code, count }) => ({ code, count }))).toEqual([
      { code: 'A', count: 2 },
      { code: 'F', count: 2 },
    ]);
    expect((await cloud(member, '?level=class')).map(({ code, count }) => ({ code, count }))).toEqual([
      { code: 'A01', count: 2 },
      { code: 'F04', count: 2 },
    ]);
  });

  it('filters by application year: weights are relative to that year', async () => {
    expect(await cloud(member, '?level=subclass&year=2018')).toEqual([
      { code: 'F04D', description: null, count: 1, weight: 1 },
    ]);
    const in2015 = await cloud(member, '?year=2015');
    expect(in2015.map(({ code, count, weight }) => ({ code, count, weight }))).toEqual([
      { code: 'A01L', count: 2, weight: 1 },
      { code: 'F04D', count: 1, weight: 0.5 },
    ]);
    expect(await cloud(member, '?year=2001')).toEqual([]);
  });

  it("sees only the tenant's own assets", async () => {
    expect(await cloud(otherMember, '')).toEqual([{ code: 'H04L', description: null, count: 1, weight: 1 }]);
  });

  it('rejects an unknown level and answers 401 without a session', async () => {
    expect((await member.get('/api/v1/dashboards/cpc-wordcloud?level=group')).status).toBe(400);
    expect((await new ApiTestClient(env.routes).get('/api/v1/dashboards/cpc-wordcloud')).status).toBe(401);
  });
});
