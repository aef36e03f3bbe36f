import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { TestFileServer } from '@patentrack/ingestion/testing';
import { startTestWorker } from '../../testing/runtime';
import { waitForQuiet } from '../../testing/derived-rows';

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../../../data/samples/uspto-assignments/ad20160101_records001-133.xml',
);

let database: TestDatabase;
let pool: Pool;
let server: TestFileServer;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  server = new TestFileServer();
  await server.start();
  worker = await startTestWorker(database.workerUrl);
});

afterAll(async () => {
  await worker?.stop(5_000);
  await server?.stop();
  await pool?.end();
  await database?.drop();
});

describe('ingestion jobs on the worker', () => {
  it('downloads a URL source through the retry matrix and loads it', async () => {
    const body = readFileSync(SAMPLE);
    server.route('/files/ad20160101.xml', { kind: 'status', status: 503 }, { kind: 'ok', body });

    await worker.queues.ingestion.add('ingest:assignments', {
      sources: [server.url('/files/ad20160101.xml')],
    });
    await waitForQuiet(pool, 1);

    const { rows } = await pool.query<{ status: string; file_name: string; records_inserted: number }>(
      `select status, file_name, records_inserted from ingestion_jobs`,
    );
    const recordCount = body.toString('utf8').match(/<patent-assignment>/g)!.length;
    expect(rows).toEqual([{ status: 'success', file_name: 'ad20160101.xml', records_inserted: recordCount }]);
    expect(server.hits('/files/ad20160101.xml')).toHaveLength(2);
  });
});
