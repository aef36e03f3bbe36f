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
import { serveSampleProducts } from '../../testing/sample-products';

let database: TestDatabase;
let pool: Pool;
let server: TestFileServer;
let dir: string;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let holder: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  dir = await mkdtemp(path.join(tmpdir(), 'pt-maintenance-'));
  server = new TestFileServer();
  const base = await server.start();
  await serveSampleProducts(
    server,
    {
      PTMNFEE2: [
        {
          name: 'MaintFeeEvents_20250428.zip',
          sample: 'uspto-maintenance/MaintFeeEvents_20250428_sample.txt',
        },
      ],
    },
    dir,
  );
  // An organization holding a granted patent of the sample, and one holding a patent the file does not name.
  holder = (await createOrganization(pool, { name: 'Fee Holder', companies: ['FEE HOLDER INC'] })).id;
  const other = (await createOrganization(pool, { name: 'Other Holder', companies: ['OTHER HOLDER INC'] }))
    .id;
  await pool.query(
    `insert into assets (organization_id, grant_doc_num) values ($1, '9400000'), ($2, '1234567')`,
    [holder, other],
  );
  worker = await startTestWorker(database.workerUrl, undefined, undefined, {
    USPTO_ODP_BASE_URL: base,
    HTTP_BACKOFF_BASE_MS: '1',
  });
  // A far-off pattern: only the tick this test runs itself happens.
  await registerSchedules(worker.queues, {
    enabled: true,
    env: { USPTO_ODP_API_KEY: 'test-key', CRON_MAINTENANCE: '0 0 1 1 *' },
  });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await server?.stop();
  await pool?.end();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function tick(): Promise<unknown> {
  expect(await worker.queues.ingestion.getJobScheduler('maintenance')).toMatchObject({
    name: 'ingest:maintenance-fees',
    template: { data: { trigger: 'cron' } },
  });
  return schedulerTick(worker.queues.ingestion, 'maintenance');
}

describe('scheduled maintenance-fee ingestion', () => {
  it('a cron tick finds the weekly file once, loads it and fans out to the holder from the dashboard step', async () => {
    expect(await tick()).toMatchObject([
      { source: 'MaintFeeEvents_20250428.zip', status: 'success', organizations: [holder] },
    ]);
    await waitForQuiet(pool, 1);
    const { rows: jobs } = await pool.query(
      `select j.file_name, j.status, j.trigger, j.fanout_completed_at is not null as fanned_out
         from ingestion_jobs j join data_sources s on s.id = j.data_source_id
        where s.key = 'uspto_maintenance_fees_weekly'`,
    );
    expect(jobs).toEqual([
      { file_name: 'MaintFeeEvents_20250428.zip', status: 'success', trigger: 'cron', fanned_out: true },
    ]);
    const { rows: runs } = await pool.query(
      `select organization_id, trigger, start_from_step from processing_jobs`,
    );
    expect(runs).toEqual([
      { organization_id: holder, trigger: 'ingest:maintenance-fees', start_from_step: 'dashboard' },
    ]);

    expect(await tick()).toEqual([]);
    expect(server.hits('/files/MaintFeeEvents_20250428.zip')).toHaveLength(1);
    expect(server.hits('/api/v1/datasets/products/PTMNFEE2')).toHaveLength(2);
  });
});
