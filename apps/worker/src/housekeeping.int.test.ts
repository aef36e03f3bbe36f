import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { LocalDirectoryStore, storageDirOf } from '@patentrack/storage';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { ingestionSettingsFromEnv } from '@patentrack/ingestion';
import { createLogger, loadEnv, workerEnvSchema } from '@patentrack/shared';
import { createOrganization, requestOrgRun, claimRun, loadRun, CONVEYANCE_TEXT } from '@patentrack/pipeline';
import { insertRecordedTransactions } from '@patentrack/pipeline/testing';
import { reapStalledProcessor } from './processors/housekeeping/reap-stalled';
import { RECOUNT_SINCE_KEY, recountEntitiesProcessor } from './processors/housekeeping/recount';
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

/** What the worker hands a processor, over this file's database, Redis and queues. */
function processorContext() {
  const env = loadEnv(workerEnvSchema, { NODE_ENV: 'test' });
  return {
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
}

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
      'recount:entities',
    ]);
    expect(first.skipped).toEqual([]);
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
      'recount',
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

    const context = processorContext();
    const result = (await reapStalledProcessor.handle({}, {} as never, context, undefined)) as {
      reaped: string[];
    };
    expect(result.reaped).toEqual([runs[0]!.runId]);
    expect((await loadRun(pool, runs[0]!))?.status).toBe('failed');
    expect((await loadRun(pool, runs[1]!))?.status).toBe('running');
  });
});

describe('recount:entities', () => {
  /** Records one ingestion job that changed the given assignments, finished now. */
  async function finishedJob(rfIds: string[]): Promise<void> {
    const { rows } = await pool.query<{ id: string }>(
      `insert into ingestion_jobs (data_source_id, trigger, status, completed_at)
       select id, 'cron', 'success', now() from data_sources where key = 'uspto_assignments_daily' returning id`,
    );
    await pool.query(
      `insert into ingestion_changes (ingestion_job_id, key_type, key) select $1, 'rf_id', unnest($2::varchar[])`,
      [rows[0]!.id, rfIds],
    );
  }

  const countsOf = async (names: string[]) =>
    (
      await pool.query<{ name: string; instances: number; total: number }>(
        `select e.name, e.instances, r.total_instances as total
           from entities e join representatives r on r.id = e.representative_id
          where e.name = any($1::varchar[]) order by e.name`,
        [names],
      )
    ).rows;

  it('recounts the parties of the jobs finished since its last run and their representatives', async () => {
    const transaction = (rfId: string, assignor: string, assignee: string) => ({
      rfId,
      conveyText: CONVEYANCE_TEXT.assignment,
      recordDate: '2020-01-02',
      assignors: [{ name: assignor, execDate: '2020-01-01' }],
      assignees: [{ name: assignee }],
      documents: [{ appno: '17000001', grant: null, appnoDate: '2019-05-01' }],
    });
    await insertRecordedTransactions(pool, [
      transaction('910001-0001', 'RECOUNT ALPHA LLC', 'RECOUNT BETA INC'),
      transaction('910001-0002', 'RECOUNT ALPHA LLC', 'RECOUNT ALPHA HOLDINGS LLC'),
    ]);
    // Both ALPHA names belong to one representative, whose total is their sum.
    const { rows } = await pool.query<{ id: string }>(
      `insert into representatives (representative_name, name_key) values ('RECOUNT ALPHA LLC', 'recount alpha llc') returning id`,
    );
    await pool.query(
      `update entities set representative_id = $1, instances = 0 where name in ('RECOUNT ALPHA LLC', 'RECOUNT ALPHA HOLDINGS LLC')`,
      [rows[0]!.id],
    );
    await finishedJob(['910001-0001', '910001-0002']);
    await redis.del(RECOUNT_SINCE_KEY);

    const first = (await recountEntitiesProcessor.handle({}, {} as never, processorContext(), undefined)) as {
      representatives: number;
    };
    expect(first.representatives).toBeGreaterThanOrEqual(1);
    expect(await countsOf(['RECOUNT ALPHA HOLDINGS LLC', 'RECOUNT ALPHA LLC'])).toEqual([
      { name: 'RECOUNT ALPHA HOLDINGS LLC', instances: 1, total: 3 },
      { name: 'RECOUNT ALPHA LLC', instances: 2, total: 3 },
    ]);

    // The next run covers only jobs finished after the last one started: the old job is not recounted again.
    await pool.query(`update entities set instances = 0 where name = 'RECOUNT ALPHA LLC'`);
    await recountEntitiesProcessor.handle({}, {} as never, processorContext(), undefined);
    expect((await countsOf(['RECOUNT ALPHA LLC']))[0]?.instances).toBe(0);
    await finishedJob(['910001-0002']);
    await recountEntitiesProcessor.handle({}, {} as never, processorContext(), undefined);
    expect(await countsOf(['RECOUNT ALPHA LLC'])).toEqual([
      { name: 'RECOUNT ALPHA LLC', instances: 2, total: 3 },
    ]);
  });
});
