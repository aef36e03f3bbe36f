import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { createOrganization, stepStatuses } from '@patentrack/pipeline';
import { seedTitleExamples } from '@patentrack/pipeline/testing';
import { EVENT_CHANNELS, liveEventSchema, orgCacheKeyPrefix, type LiveEvent } from '@patentrack/shared';
import { startTestWorker, stepProbe, waitForRun, type StepProbe } from '../../testing/runtime';
import type { WorkerRuntime } from '../../worker';
import { enqueueOrgRun } from './enqueue';

let database: TestDatabase;
let pool: Pool;
let worker: WorkerRuntime;
let probe: StepProbe;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  await seedTitleExamples(pool);
  orgId = (await createOrganization(pool, { name: 'Beta Holdings', companies: ['BETA'] })).id;
  probe = stepProbe();
  worker = await startTestWorker(database.workerUrl, probe);
});

afterAll(async () => {
  await worker?.stop(5_000);
  await pool?.end();
  await database?.drop();
});

beforeEach(() => {
  probe.events.length = 0;
  probe.faults = {};
});

const at = (event: string) => {
  const index = probe.events.indexOf(event);
  expect(index, `${event} happened`).toBeGreaterThanOrEqual(0);
  return index;
};

async function runOnce(): Promise<{ runId: string; status: string }> {
  const { runId } = await enqueueOrgRun(pool, worker.queues, {
    orgId,
    jobType: 'manual',
    trigger: 'test',
    startFrom: 'classify',
  });
  return { runId, status: await waitForRun(pool, runId) };
}

describe('pipeline:org flow', () => {
  it('runs the DAG in order: tree and timeline after flag, both before broken_title, then dashboard ‖ summary, then generate_json', async () => {
    const { runId, status } = await runOnce();
    expect(status).toBe('success');
    expect(at('start:flag')).toBeGreaterThan(at('end:classify'));
    for (const step of ['tree', 'timeline']) {
      expect(at(`start:${step}`)).toBeGreaterThan(at('end:flag'));
      expect(at('start:broken_title')).toBeGreaterThan(at(`end:${step}`));
    }
    for (const step of ['dashboard', 'summary']) {
      expect(at(`start:${step}`)).toBeGreaterThan(at('end:broken_title'));
      expect(at('start:generate_json')).toBeGreaterThan(at(`end:${step}`));
    }
    expect(Object.values(await stepStatuses(pool, { runId, orgId }))).toEqual(Array(8).fill('success'));
  });

  it('a failing broken_title leaves dashboard, summary and generate_json unstarted and fails the run', async () => {
    probe.faults.broken_title = Number.POSITIVE_INFINITY;
    const { runId, status } = await runOnce();
    expect(status).toBe('failed');
    const statuses = await stepStatuses(pool, { runId, orgId });
    expect(statuses).toMatchObject({
      classify: 'success',
      flag: 'success',
      tree: 'success',
      timeline: 'success',
      broken_title: 'failed',
    });
    expect([statuses.dashboard, statuses.summary, statuses.generate_json]).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect(probe.events.filter((e) => /start:(dashboard|summary|generate_json)/.test(e))).toEqual([]);
    // 4 attempts (3 retries) of the run, each retrying only the failed step.
    expect(probe.events.filter((e) => e === 'start:broken_title')).toHaveLength(4);
    expect(probe.events.filter((e) => e === 'start:classify')).toHaveLength(1);
  });

  it('a retry resumes from the failed step', async () => {
    probe.faults.broken_title = 1;
    const { runId, status } = await runOnce();
    expect(status).toBe('success');
    expect(probe.events.filter((e) => e === 'start:broken_title')).toHaveLength(2);
    for (const step of ['classify', 'flag', 'tree', 'timeline', 'dashboard', 'summary', 'generate_json']) {
      expect(
        probe.events.filter((e) => e === `start:${step}`),
        step,
      ).toHaveLength(1);
    }
    expect(Object.values(await stepStatuses(pool, { runId, orgId }))).toEqual(Array(8).fill('success'));
  });

  it('publishes step progress and completion on the organization channel and clears its cache keys', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const subscriber = new Redis(redisUrl);
    const client = new Redis(redisUrl);
    const events: LiveEvent[] = [];
    try {
      await subscriber.subscribe(EVENT_CHANNELS.org(orgId));
      subscriber.on('message', (_channel, message) =>
        events.push(liveEventSchema.parse(JSON.parse(message))),
      );
      await client.set(`${orgCacheKeyPrefix(orgId)}dashboard`, 'stale');
      const { runId, status } = await runOnce();
      expect(status).toBe('success');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const progress = events.flatMap((e) =>
        e.type === 'ingestion-progress' ? [`${e.data.status}:${e.data.step}`] : [],
      );
      for (const step of [
        'classify',
        'flag',
        'tree',
        'timeline',
        'broken_title',
        'dashboard',
        'summary',
        'generate_json',
      ]) {
        expect(progress).toContain(`started:${step}`);
        expect(progress).toContain(`finished:${step}`);
      }
      expect(events.at(-1)).toMatchObject({
        type: 'pipeline-complete',
        data: { orgId, pipelineId: runId, status: 'success' },
      });
      expect(await client.exists(`${orgCacheKeyPrefix(orgId)}dashboard`)).toBe(0);
    } finally {
      await subscriber.quit();
      await client.quit();
    }
  });
});
