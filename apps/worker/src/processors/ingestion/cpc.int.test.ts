import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { zipFile } from '@patentrack/ingestion';
import { TestFileServer } from '@patentrack/ingestion/testing';
import { CPC_VERSION_KEY } from '@patentrack/shared';
import { registerSchedules } from '../../schedules';
import { REPOSITORY_ROOT } from '../../seed/demo';
import { schedulerTick, startTestWorker } from '../../testing/runtime';
import { serveSampleProducts } from '../../testing/sample-products';

const MASTER_SAMPLE = 'uspto-cpc/US_Grant_CPC_MCF_XML_sample_US9400000.xml';
const SCHEME_SAMPLE = path.join(REPOSITORY_ROOT, 'data/samples/uspto-cpc/cpc-scheme-A01L.xml');
/** This month's release, as the scheme poll looks for it (ingestion.md §2.2). */
const RELEASE = `CPCSchemeXML${new Date().toISOString().slice(0, 7).replace('-', '')}.zip`;
const BULK = '/sites/default/files/cpc/bulk/';

let database: TestDatabase;
let pool: Pool;
let redis: Redis;
let server: TestFileServer;
let dir: string;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  dir = await mkdtemp(path.join(tmpdir(), 'pt-cpc-'));
  server = new TestFileServer();
  const base = await server.start();
  // Two grant months are listed: a snapshot feed loads only the newest. No application month yet.
  await serveSampleProducts(
    server,
    {
      CPCMCPT: [
        { name: 'US_Grant_CPC_MCF_XML_2025-02-01.zip', sample: MASTER_SAMPLE },
        { name: 'US_Grant_CPC_MCF_XML_2025-01-01.zip', sample: MASTER_SAMPLE },
      ],
      CPCMCAPP: [],
    },
    dir,
  );
  const scheme = path.join(dir, RELEASE);
  await zipFile(SCHEME_SAMPLE, scheme, 'cpc-scheme-A01L.xml');
  server.route(`${BULK}${RELEASE}`, { kind: 'ok', body: await readFile(scheme) });
  worker = await startTestWorker(database.workerUrl, undefined, undefined, {
    USPTO_ODP_BASE_URL: base,
    CPC_SCHEME_BASE_URL: base,
    HTTP_BACKOFF_BASE_MS: '1',
  });
  // Far-off patterns: only the ticks this test runs itself happen.
  await registerSchedules(worker.queues, {
    enabled: true,
    env: { USPTO_ODP_API_KEY: 'test-key', CRON_CPC: '0 0 1 1 *', CRON_CPC_SCHEME: '0 0 1 1 *' },
  });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await server?.stop();
  redis?.disconnect();
  await pool?.end();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const cpcVersion = async () => Number((await redis.get(CPC_VERSION_KEY)) ?? 0);

/** One tick of a registered scheduler, run now; its job carries a cron tick's data. */
async function tick(schedulerId: string): Promise<unknown> {
  const scheduler = await worker.queues.ingestion.getJobScheduler(schedulerId);
  expect(scheduler?.template?.data).toEqual({ trigger: 'cron' });
  return schedulerTick(worker.queues.ingestion, schedulerId);
}

describe('scheduled CPC ingestion', () => {
  it('cpc: the newest master file is loaded as the snapshot, older months superseded, caches versioned', async () => {
    const version = await cpcVersion();
    expect(await tick('cpc')).toEqual([
      {
        source: 'US_Grant_CPC_MCF_XML_2025-02-01.zip',
        status: 'success',
        jobId: expect.any(String),
        organizations: [],
      },
    ]);
    expect(await cpcVersion()).toBeGreaterThan(version);
    const { rows: files } = await pool.query(
      `select f.file_name, f.status from ingestion_files f join data_sources s on s.id = f.data_source_id
        where s.key = 'uspto_cpc_grant_mcf' order by f.file_name`,
    );
    expect(files).toEqual([
      { file_name: 'US_Grant_CPC_MCF_XML_2025-01-01.zip', status: 'superseded' },
      { file_name: 'US_Grant_CPC_MCF_XML_2025-02-01.zip', status: 'processed' },
    ]);
    const { rows: jobs } = await pool.query(
      `select trigger, status, fanout_completed_at is not null as after_steps_done from ingestion_jobs`,
    );
    expect(jobs).toEqual([{ trigger: 'cron', status: 'success', after_steps_done: true }]);
    const { rows: codes } = await pool.query(
      `select count(distinct doc_num)::int as docs, count(*)::int as n from patent_cpc_codes where doc_type = 'grant'`,
    );
    expect(codes[0].docs).toBe(1);
    expect(codes[0].n).toBeGreaterThan(0);

    expect(await tick('cpc')).toEqual([]);
    expect(server.hits('/files/US_Grant_CPC_MCF_XML_2025-02-01.zip')).toHaveLength(1);
    expect(server.hits('/files/US_Grant_CPC_MCF_XML_2025-01-01.zip')).toHaveLength(0);
    expect(server.hits('/api/v1/datasets/products/CPCMCAPP')).toHaveLength(2);
  });

  it('cpc-scheme: HEAD finds this month’s release, which loads once', async () => {
    const [loaded] = (await tick('cpc-scheme')) as { source: string; status: string }[];
    expect(loaded).toMatchObject({ source: RELEASE, status: 'success' });
    const { rows } = await pool.query(
      `select config->>'schemeVersion' as version, (select count(*)::int from cpc_classifications) as n
         from data_sources where key = 'cpc_scheme'`,
    );
    const version = RELEASE.replace(/^CPCSchemeXML(\d{4})(\d{2})\.zip$/, '$1.$2');
    expect(rows).toEqual([{ version, n: 19 }]);

    expect(await tick('cpc-scheme')).toEqual([]);
    expect(server.hits(`${BULK}${RELEASE}`)).toHaveLength(2);
  });
});
