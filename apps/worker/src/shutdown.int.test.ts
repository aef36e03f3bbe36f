import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { createOrganization, runPipelineInline, stepStatuses } from '@patentrack/pipeline';
import { derivedRows, insertRecordedTransactions, syntheticPortfolio } from '@patentrack/pipeline/testing';
import { enqueueOrgRun } from './processors/pipeline/enqueue';
import { closeQueues, createQueues } from './queues';
import { startTestWorker, waitForRun } from './testing/runtime';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/patentrack.mjs');

let database: TestDatabase;
let pool: Pool;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  await insertRecordedTransactions(
    pool,
    syntheticPortfolio({
      company: 'BETA',
      assets: 3_000,
      transactionsPerAsset: 4,
      firstReel: 60_000,
      firstAppno: 16_100_000,
    }),
  );
  orgId = (await createOrganization(pool, { name: 'Beta Holdings', companies: ['BETA'] })).id;
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SIGTERM during a pipeline run', () => {
  it('the worker stops gracefully mid-run and another worker completes the run; no step result is lost or duplicated', async () => {
    const prefix = `pt-test-${randomUUID()}`;
    const child = spawn(process.execPath, [bin, 'worker'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL_WORKER: database.workerUrl,
        QUEUE_PREFIX: prefix,
        CRON_ENABLED: 'false',
        WORKER_METRICS_PORT: '0',
      },
      stdio: 'ignore',
    });
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: null,
    });
    const queues = createQueues(redis, { prefix });
    try {
      const { runId } = await enqueueOrgRun(pool, queues, {
        orgId,
        jobType: 'manual',
        trigger: 'test',
        startFrom: 'classify',
      });
      // Stop the worker once the run is past its first group but far from finished.
      await waitUntil(async () => {
        const { rows } = await pool.query(
          `select 1 from processing_steps where processing_job_id = $1 and step_name = 'flag' and status = 'running'`,
          [runId],
        );
        return rows.length > 0;
      }, 60_000);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      const { rows: midRun } = await pool.query<{ status: string }>(
        `select status from processing_jobs where id = $1`,
        [runId],
      );
      expect(midRun[0]!.status).toBe('running');

      const successor = await startTestWorker(database.workerUrl, undefined, prefix);
      try {
        expect(await waitForRun(pool, runId, 120_000)).toBe('success');
      } finally {
        await successor.stop(10_000);
      }
      expect(Object.values(await stepStatuses(pool, { runId, orgId }))).toEqual(Array(8).fill('success'));
      const { rows: stepRows } = await pool.query<{ n: number }>(
        `select count(*)::int as n from processing_steps where processing_job_id = $1`,
        [runId],
      );
      expect(stepRows[0]!.n).toBe(8);
      // The resumed run's output equals a clean run's: nothing lost, nothing written twice.
      const afterResume = await derivedRows(pool, orgId);
      await runPipelineInline(pool, { orgId });
      expect(await derivedRows(pool, orgId)).toEqual(afterResume);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await closeQueues(queues);
      await redis.quit();
    }
  });
});
