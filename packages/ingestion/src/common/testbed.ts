import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import type { FileIngestionResult } from './file-ingestion';
import type { JobSummary } from './ingestion-job';

export interface IngestionTestbed {
  readonly database: TestDatabase;
  /** Worker-role pool, as the ingestion jobs run. */
  readonly pool: pg.Pool;
  /** A scratch folder for generated and downloaded files. */
  readonly workDir: string;
}

/**
 * For an ingestion test file: a migrated database of its own, a worker-role pool and a scratch folder, made
 * before its tests and removed after them.
 */
export function ingestionTestbed(name: string): IngestionTestbed {
  let state: IngestionTestbed | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    state = {
      database,
      pool: createPool(database.workerUrl, { max: 4 }),
      workDir: await mkdtemp(join(tmpdir(), `${name}-`)),
    };
  });
  afterAll(async () => {
    if (!state) return;
    await state.pool.end();
    await state.database.drop();
    await rm(state.workDir, { recursive: true, force: true });
  });
  const current = () => {
    if (!state) throw new Error('the ingestion testbed is only ready inside its tests');
    return state;
  };
  return {
    get database() {
      return current().database;
    },
    get pool() {
      return current().pool;
    },
    get workDir() {
      return current().workDir;
    },
  };
}

/** The job summary of a load the test expects to have run (not skipped for a concurrent run). */
export function loaded(result: FileIngestionResult): JobSummary {
  if (result.status === 'skipped') throw new Error(`unexpected skip: ${result.reason}`);
  return result;
}
