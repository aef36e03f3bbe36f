import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { TestFileServer } from '@patentrack/ingestion/testing';
import { createOrganization } from '@patentrack/pipeline';
import { registerSchedules } from '../../schedules';
import { waitForQuiet } from '../../testing/derived-rows';
import { schedulerTick, startTestWorker } from '../../testing/runtime';
import { serveSampleProducts, type ProductFile } from '../../testing/sample-products';

/** Sample files served under the names the products publish (ingestion.md §2.2), per ODP product. */
const PRODUCTS: Record<string, ProductFile[]> = {
  PASDL: [{ name: 'ad20160101.zip', sample: 'uspto-assignments/ad20160101_records001-133.xml' }],
  // Listed newest first: the poll must still load the older week first.
  PTBLXML: [
    { name: 'ipgb20221025_wk43.zip', sample: 'uspto-grants/ipgb20221025_testassembled_11docs.xml' },
    { name: 'ipgb20211019_wk42.zip', sample: 'uspto-grants/ipg211019_US11147202-US11147203.xml' },
  ],
  APPBLXML: [
    {
      name: 'ipab20220728_wk30.zip',
      sample: 'uspto-applications/ipa220728_US20220240350A1-US20220240351A1_concatenated.xml',
    },
  ],
};

let database: TestDatabase;
let pool: Pool;
let server: TestFileServer;
let dir: string;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let trackingOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  dir = await mkdtemp(path.join(tmpdir(), 'pt-scheduled-'));
  server = new TestFileServer();
  const base = await server.start();
  // The listings also hold a file the sources' patterns do not take, which is ignored.
  await serveSampleProducts(server, PRODUCTS, dir);
  // An assignee of the daily sample file, and a company no file mentions.
  trackingOrg = (
    await createOrganization(pool, { name: 'Nytell Holdings', companies: ['NYTELL SOFTWARE LLC'] })
  ).id;
  await createOrganization(pool, { name: 'Other Holdings', companies: ['NOBODY IN THESE FILES'] });
  worker = await startTestWorker(database.workerUrl, undefined, undefined, {
    USPTO_ODP_BASE_URL: base,
    HTTP_BACKOFF_BASE_MS: '1',
  });
  // Far-off patterns: only the ticks this test runs itself happen.
  await registerSchedules(worker.queues, {
    enabled: true,
    env: {
      USPTO_ODP_API_KEY: 'test-key',
      CRON_ASSIGNMENTS: '0 0 1 1 *',
      CRON_GRANT_BIBLIO: '0 0 1 1 *',
      CRON_APP_BIBLIO: '0 0 1 1 *',
    },
  });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await server?.stop();
  await pool?.end();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function jobsOf(sourceKey: string) {
  const { rows } = await pool.query<{
    file_name: string;
    status: string;
    trigger: string;
    records_inserted: number;
    fanned_out: boolean;
  }>(
    `select j.file_name, j.status, j.trigger, j.records_inserted, j.fanout_completed_at is not null as fanned_out
       from ingestion_jobs j join data_sources s on s.id = j.data_source_id
      where s.key = $1 order by j.created_at`,
    [sourceKey],
  );
  return rows;
}

/** One tick of a registered scheduler, run now; its job carries a cron tick's data. */
async function tick(schedulerId: string): Promise<unknown> {
  const scheduler = await worker.queues.ingestion.getJobScheduler(schedulerId);
  expect(scheduler?.template?.data).toEqual({ trigger: 'cron' });
  return schedulerTick(worker.queues.ingestion, schedulerId);
}

describe('scheduled ingestion: a cron tick discovers and loads new files', () => {
  it('assignments: the new daily file is loaded once and the tracking organization’s pipeline is enqueued', async () => {
    const first = await tick('assignments');
    expect(first).toMatchObject([
      { source: 'ad20160101.zip', status: 'success', organizations: [trackingOrg] },
    ]);
    await waitForQuiet(pool, 1);
    expect(await jobsOf('uspto_assignments_daily')).toEqual([
      {
        file_name: 'ad20160101.zip',
        status: 'success',
        trigger: 'cron',
        records_inserted: 133,
        fanned_out: true,
      },
    ]);
    const { rows: runs } = await pool.query<{
      organization_id: string;
      trigger: string;
      start_from_step: string;
    }>(`select organization_id, trigger, start_from_step from processing_jobs`);
    expect(runs).toEqual([
      { organization_id: trackingOrg, trigger: 'ingest:assignments', start_from_step: 'classify' },
    ]);

    expect(await tick('assignments')).toEqual([]);
    expect(await jobsOf('uspto_assignments_daily')).toHaveLength(1);
    expect(server.hits('/api/v1/datasets/products/PASDL')).toHaveLength(2);
    expect(server.hits('/files/ad20160101.zip')).toHaveLength(1);
    expect(server.hits('/files/readme.txt')).toHaveLength(0);
  });

  it.each([
    ['grant-biblio', 'uspto_grants_biblio_weekly', ['ipgb20211019_wk42.zip', 'ipgb20221025_wk43.zip']],
    ['app-biblio', 'uspto_applications_biblio_weekly', ['ipab20220728_wk30.zip']],
  ])(
    '%s: new weekly files are loaded once, oldest first, and fanned out',
    async (schedulerId, sourceKey, names) => {
      const first = (await tick(schedulerId)) as { source: string; status: string }[];
      expect(first.map((file) => [file.source, file.status])).toEqual(names.map((name) => [name, 'success']));
      const jobs = await jobsOf(sourceKey);
      expect(jobs.map((job) => [job.file_name, job.status, job.trigger, job.fanned_out])).toEqual(
        names.map((name) => [name, 'success', 'cron', true]),
      );
      expect(jobs.every((job) => job.records_inserted > 0)).toBe(true);
      const { rows: files } = await pool.query<{ file_name: string; status: string }>(
        `select f.file_name, f.status from ingestion_files f join data_sources s on s.id = f.data_source_id
        where s.key = $1 order by f.file_name`,
        [sourceKey],
      );
      expect(files).toEqual([...names].sort().map((name) => ({ file_name: name, status: 'processed' })));

      expect(await tick(schedulerId)).toEqual([]);
      expect(await jobsOf(sourceKey)).toHaveLength(names.length);
      for (const name of names) expect(server.hits(`/files/${name}`)).toHaveLength(1);
    },
  );
});
