import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { ingestAssignmentFile } from '@patentrack/ingestion';
import { createOrganization } from '@patentrack/pipeline';
import { closeQueues, createQueues, type Queues } from '../../queues';

const BIN = path.resolve(import.meta.dirname, '../../../bin/patentrack.mjs');
const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../../../data/samples/uspto-assignments/ad20160101_records001-133.xml',
);

let database: TestDatabase;
let pool: Pool;
let redis: Redis;
let queues: Queues;
let trackingOrg: string;
const prefix = `pt-test-${randomUUID()}`;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queues = createQueues(redis, { prefix });
  // The sample's party names become entities waiting for a representative.
  expect(await ingestAssignmentFile({ pool, source: SAMPLE })).toMatchObject({ status: 'success' });
  trackingOrg = (
    await createOrganization(pool, { name: 'Nytell Holdings', companies: ['NYTELL SOFTWARE LLC'] })
  ).id;
  await createOrganization(pool, { name: 'Other Holdings', companies: ['NOBODY IN THESE FILES'] });
});

afterAll(async () => {
  await closeQueues(queues);
  await redis?.quit();
  await pool?.end();
  await database?.drop();
});

function groupEntities(env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'entities', 'group', '--json'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL_WORKER: database.workerUrl,
        QUEUE_PREFIX: prefix,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const pendingEntities = async () =>
  (await pool.query<{ n: number }>(`select count(*)::int as n from entities where representative_id is null`))
    .rows[0]!.n;

describe('npx patentrack entities group', () => {
  it('says clearly that Redis is unreachable, and groups nothing it could not fan out', async () => {
    const before = await pendingEntities();
    expect(before).toBeGreaterThan(0);
    const result = await groupEntities({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^patentrack: Redis is unreachable \(.*ECONNREFUSED.*\): pipelines cannot be enqueued/,
    );
    expect(result.stdout).toBe('');
    expect(await pendingEntities()).toBe(before);
  });

  it('enqueues one pipeline run for each organization tracking a changed entity, and none on a re-run', async () => {
    const result = await groupEntities();
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout.trim());
    expect(summary).toMatchObject({
      status: 'success',
      affectedOrganizationIds: [trackingOrg],
      enqueuedRuns: 1,
    });
    expect(await pendingEntities()).toBe(0);

    const { rows: runs } = await pool.query<{
      id: string;
      organization_id: string;
      job_type: string;
      trigger: string;
      start_from_step: string;
      status: string;
    }>(`select id, organization_id, job_type, trigger, start_from_step, status from processing_jobs`);
    expect(runs).toEqual([
      {
        id: expect.any(String),
        organization_id: trackingOrg,
        job_type: 'incremental',
        trigger: 'entities:group',
        start_from_step: 'classify',
        status: 'pending',
      },
    ]);
    const job = await queues.pipeline.getJob(runs[0]!.id);
    expect({ name: job?.name, data: job?.data }).toEqual({
      name: 'pipeline:org',
      data: { runId: runs[0]!.id, orgId: trackingOrg },
    });

    const again = await groupEntities();
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ affectedOrganizationIds: [], enqueuedRuns: 0 });
    expect(await queues.pipeline.count()).toBe(1);
  });
});
