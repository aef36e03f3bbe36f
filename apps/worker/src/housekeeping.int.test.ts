import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { LocalDirectoryStore, storageDirOf } from '@patentrack/storage';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { ingestionSettingsFromEnv } from '@patentrack/ingestion';
import { createLogger, loadEnv, workerEnvSchema } from '@patentrack/shared';
import { createOrganization, requestOrgRun, claimRun, loadRun } from '@patentrack/pipeline';
import { reapStalledProcessor } from './processors/housekeeping/reap-stalled';
import { epoSettingsFromEnv } from './processors/epo/settings';
import { enrichmentProvidersFromEnv } from './processors/enrichment/providers';
import { sheetsSettingsFromEnv } from './processors/exports/drive-sheet';
import { closeQueues, createQueues, queueList, type Queues } from './queues';
import { registerSchedules } from './schedules';

let database: TestDatabase;
let pool: Pool;
let redis: Redis;
let queues: Queues;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queues = createQueues(redis, { prefix: `pt-test-${randomUUID()}` });
});

afterAll(async () => {
  await closeQueues(queues);
  await redis?.quit();
  await pool?.end();
  await database?.drop();
});

describe('cron schedules', () => {
  it('registers idempotently, honours CRON_<ID> overrides, and registers nothing when disabled', async () => {
    expect((await registerSchedules(queues, { enabled: false })).registered).toEqual([]);
    expect(await queues.housekeeping.getJobSchedulers()).toEqual([]);

    const env = {
      CRON_FRESHNESS: '*/5 * * * *',
      USPTO_ODP_API_KEY: 'test-key',
      EPO_OPS_KEY: 'test-key',
      EPO_OPS_SECRET: 'test-secret',
    };
    const first = await registerSchedules(queues, { enabled: true, env });
    await registerSchedules(queues, { enabled: true, env });
    const schedulers = (await Promise.all(queueList(queues).map((queue) => queue.getJobSchedulers()))).flat();
    expect(schedulers.map((s) => s.key).sort()).toEqual(first.registered.map((r) => r.schedulerId).sort());
    // One next job per scheduler, however often registration ran.
    const next = await Promise.all(
      queueList(queues).map((queue) => queue.getJobCountByTypes('delayed', 'waiting')),
    );
    expect(next.reduce((sum, n) => sum + n, 0)).toBe(schedulers.length);
    expect(schedulers.find((s) => s.key === 'freshness')?.pattern).toBe('*/5 * * * *');
    expect(schedulers.find((s) => s.key === 'assignments')).toMatchObject({
      name: 'ingest:assignments',
      pattern: '0 2,14 * * *',
      template: { data: { trigger: 'cron' } },
    });
    expect(first.registered.map((r) => r.job).sort()).toEqual([
      'cleanup:orphans',
      'cleanup:retention',
      'ingest:applications',
      'ingest:assignments',
      'ingest:cpc',
      'ingest:cpc-scheme',
      'ingest:epo-sweep',
      'ingest:grants',
      'ingest:maintenance-fees',
      'monitor:freshness',
      'reap:stalled',
    ]);
    // Sources without a processor yet are reported, not silently dropped.
    expect(first.skipped.map((s) => [s.job, s.reason]).sort()).toEqual([
      ['recount:entities', 'no processor'],
    ]);
  });

  it('never schedules an outside feed whose credentials are not set, and removes its earlier scheduler', async () => {
    await registerSchedules(queues, { enabled: true, env: { USPTO_ODP_API_KEY: 'test-key' } });
    expect((await queues.ingestion.getJobSchedulers()).map((s) => s.key)).toContain('assignments');

    const offline = await registerSchedules(queues, { enabled: true, env: {} });
    const schedulers = (await Promise.all(queueList(queues).map((queue) => queue.getJobSchedulers()))).flat();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      'cleanup:cleanup:orphans',
      'cleanup:cleanup:retention',
      'freshness',
      'reap',
    ]);
    expect(offline.skipped).toContainEqual({
      schedulerId: 'assignments',
      job: 'ingest:assignments',
      reason: 'USPTO_ODP_API_KEY not set',
    });
    expect(offline.skipped).toContainEqual({
      schedulerId: 'epo-sweep',
      job: 'ingest:epo-sweep',
      reason: 'EPO_OPS_KEY and EPO_OPS_SECRET not set',
    });
  });
});

describe('reap:stalled', () => {
  it('fails a run left running without a live queue job, and leaves a recent run alone', async () => {
    const stale = await createOrganization(pool, { name: 'Stale Org', companies: ['STALE CO'] });
    const fresh = await createOrganization(pool, { name: 'Fresh Org', companies: ['FRESH CO'] });
    const runs = [];
    for (const org of [stale, fresh]) {
      const { runId } = await requestOrgRun(pool, {
        orgId: org.id,
        jobType: 'manual',
        trigger: 'cli',
        startFrom: 'classify',
      });
      await claimRun(pool, { runId, orgId: org.id }, null);
      runs.push({ runId, orgId: org.id });
    }
    await pool.query(`update processing_jobs set started_at = now() - interval '2 hours' where id = $1`, [
      runs[0]!.runId,
    ]);

    const env = loadEnv(workerEnvSchema, { NODE_ENV: 'test' });
    const context = {
      pool,
      redis,
      queues,
      logger: createLogger('test'),
      busyRetryDelayMs: 100,
      orgPurgeAfterDays: 30,
      ingest: {
        ...ingestionSettingsFromEnv(env),
        odpBaseUrl: env.USPTO_ODP_BASE_URL,
        cpcSchemeBaseUrl: env.CPC_SCHEME_BASE_URL,
      },
      epo: epoSettingsFromEnv(env, redis),
      enrichment: enrichmentProvidersFromEnv(env),
      sheets: sheetsSettingsFromEnv(env),
      storage: new LocalDirectoryStore(storageDirOf(env.STORAGE_DIR)),
    };
    const result = (await reapStalledProcessor.handle({}, {} as never, context, undefined)) as {
      reaped: string[];
    };
    expect(result.reaped).toEqual([runs[0]!.runId]);
    expect((await loadRun(pool, runs[0]!))?.status).toBe('failed');
    expect((await loadRun(pool, runs[1]!))?.status).toBe('running');
  });
});
