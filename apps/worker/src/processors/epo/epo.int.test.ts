import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { selectDueAssets } from '@patentrack/ingestion';
import { TestFileServer } from '@patentrack/ingestion/testing';
import { CONVEYANCE_TEXT, createOrganization } from '@patentrack/pipeline';
import { insertRecordedTransactions } from '@patentrack/pipeline/testing';
import { jobResult, startTestWorker, waitForRun } from '../../testing/runtime';
import { enqueueOrgRun } from '../pipeline/enqueue';
import { EPO_PAUSED_UNTIL_KEY } from './pause';

const SAMPLE = join(import.meta.dirname, '../../../../../data/samples/epo-ops/ops_family_EP2400812A1.xml');
const AUTH_PATH = '/auth/accesstoken';
const familyPath = (ref: string) => `/rest-services/family/publication/docdb/${ref}`;
// The spec fixes these key names (ingestion.md §3.6); the test clears them before and after.
const EPO_KEYS = ['epo:oauth:token', 'lock:epo:token', EPO_PAUSED_UNTIL_KEY];

let database: TestDatabase;
let pool: Pool;
let server: TestFileServer;
let redis: Redis;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let orgId: string;

/** An asset of a US patent: granted, or (with `pgpub`) a published application. */
async function asset(numbers: { grant?: string; pgpub?: string }, deleted = false): Promise<string> {
  const appno = numbers.grant ? null : '13167395';
  const { rows } = await pool.query<{ id: string }>(
    `with p as (insert into patents (grant_doc_num, grant_kind, pgpub_doc_num, appno_doc_num)
                values ($1, $2, $3, $4) returning id)
     insert into assets (organization_id, patent_id, grant_doc_num, appno_doc_num, deleted_at)
     select $5, p.id, $1, $4, case when $6 then now() end from p
     returning id`,
    [numbers.grant ?? null, numbers.grant ? 'B2' : null, numbers.pgpub ?? null, appno, orgId, deleted],
  );
  return rows[0]!.id;
}

async function lookupOf(assetId: string, nextRefresh: string): Promise<void> {
  await pool.query(
    `insert into patent_family_lookups (query_ref, patent_id, outcome, next_refresh_at)
     select 'US.' || p.grant_doc_num || '.B2', p.id, 'found', now() + $2::interval
       from assets a join patents p on p.id = a.patent_id where a.id = $1`,
    [assetId, nextRefresh],
  );
}

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await redis.del(...EPO_KEYS);
  server = new TestFileServer();
  await server.start();
  server.route(AUTH_PATH, {
    kind: 'ok',
    body: Buffer.from(JSON.stringify({ access_token: 'sweep-token', expires_in: '1200' })),
  });
  orgId = (
    await pool.query<{ id: string }>(
      `insert into organizations (name, slug) values ('Sweep', 'sweep') returning id`,
    )
  ).rows[0]!.id;
  worker = await startTestWorker(database.workerUrl, undefined, undefined, {
    EPO_OPS_BASE_URL: server.url(''),
    EPO_OPS_AUTH_URL: server.url(AUTH_PATH),
    EPO_OPS_KEY: 'sweep-key',
    EPO_OPS_SECRET: 'sweep-secret',
    EPO_RATE_LIMIT_PER_SEC: '100',
    EPO_SWEEP_MAX: '2',
    HTTP_BACKOFF_BASE_MS: '1',
  });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await server?.stop();
  await redis?.del(...EPO_KEYS);
  redis?.disconnect();
  await pool?.end();
  await database?.drop();
});

describe('family look-ups of the assets a pipeline run adds', () => {
  it('a finished run enqueues the look-ups of its new assets at once, without waiting for the sweep', async () => {
    const sample = await readFile(SAMPLE);
    await pool.query(
      `insert into patents (grant_doc_num, grant_kind, appno_doc_num) values ('7400001', 'B2', '15400001')`,
    );
    server.route(familyPath('US.7400001.B2'), { kind: 'ok', body: sample });
    await insertRecordedTransactions(pool, [
      {
        rfId: '920001-0001',
        conveyText: CONVEYANCE_TEXT.assignment,
        recordDate: '2021-03-02',
        assignors: [{ name: 'FAMILY SELLER LLC', execDate: '2021-03-01' }],
        assignees: [{ name: 'FAMILY BUYER INC' }],
        documents: [{ appno: '15400001', grant: '7400001', appnoDate: '2019-04-01' }],
      },
    ]);
    const buyer = await createOrganization(pool, { name: 'Family Buyer', companies: ['FAMILY BUYER INC'] });
    const { runId } = await enqueueOrgRun(pool, worker.queues, {
      orgId: buyer.id,
      jobType: 'manual',
      trigger: 'test',
      startFrom: 'classify',
    });
    expect(await waitForRun(pool, runId)).toBe('success');
    const lookups = await until(
      async () =>
        (
          await pool.query<{ outcome: string; family_ids: string[] }>(
            `select l.outcome, l.family_ids from assets a join patent_family_lookups l on l.patent_id = a.patent_id
              where a.organization_id = $1`,
            [buyer.id],
          )
        ).rows,
      (rows) => rows.length === 1,
    );
    expect(lookups).toEqual([{ outcome: 'found', family_ids: ['43088294'] }]);
    expect(server.hits(familyPath('US.7400001.B2'))).toHaveLength(1);
  });
});

describe('ingest:epo-sweep and ingest:epo-family', () => {
  it('the sweep enqueues only due assets, at most EPO_SWEEP_MAX, and their families are stored with one token', async () => {
    const sample = await readFile(SAMPLE);
    const never = [
      await asset({ grant: '7100001' }),
      await asset({ pgpub: '20120057518' }),
      await asset({ grant: '7100006' }),
    ];
    const overdue = await asset({ grant: '7100002' });
    await lookupOf(overdue, '-1 hour');
    const fresh = await asset({ grant: '7100003' });
    await lookupOf(fresh, '10 days');
    await asset({ grant: '7100005' }, true);
    for (const ref of ['US.7100001.B2', 'US.2012057518.A1', 'US.7100006.B2', 'US.7100002.B2']) {
      server.route(familyPath(ref), { kind: 'ok', body: sample });
    }
    expect(new Set(await selectDueAssets(pool, 10, new Date()))).toEqual(new Set([...never, overdue]));

    const sweep = await worker.queues.epo.add('ingest:epo-sweep', { trigger: 'manual' });
    const result = (await jobResult(worker.queues.epo, sweep, 30_000)) as {
      assetIds: string[];
      jobs: number;
    };
    // Never-looked-up assets come first; the cap of 2 holds.
    expect(result.assetIds).toHaveLength(2);
    for (const id of result.assetIds) expect(never).toContain(id);
    expect(result.jobs).toBe(1);

    const lookups = await until(
      async () =>
        (
          await pool.query<{ asset_id: string; outcome: string; family_ids: string[] }>(
            `select a.id as asset_id, l.outcome, l.family_ids
               from assets a join patent_family_lookups l on l.patent_id = a.patent_id
              where a.id = any($1::uuid[])`,
            [result.assetIds],
          )
        ).rows,
      (rows) => rows.length === 2,
    );
    expect(lookups.map((l) => [l.outcome, l.family_ids])).toEqual([
      ['found', ['43088294']],
      ['found', ['43088294']],
    ]);
    expect(server.hits(AUTH_PATH)).toHaveLength(1);
    const { rows: source } = await pool.query(
      `select last_success_at is not null as succeeded from data_sources where key = 'epo_ops_family'`,
    );
    expect(source).toEqual([{ succeeded: true }]);
  });

  it('403 for quota pauses the epo queue until the next full hour and delays the job; reap:stalled resumes it after', async () => {
    const assetId = await asset({ grant: '7200001' });
    server.route(familyPath('US.7200001.B2'), {
      kind: 'status',
      status: 403,
      headers: { 'x-rejection-reason': 'IndividualQuotaPerHour' },
      body: '<fault xmlns="http://ops.epo.org"><code>CLIENT.RobotDetected</code><message>Fair Use policy</message></fault>',
    });
    const job = await worker.queues.epo.add('ingest:epo-family', { assetIds: [assetId] });
    await until(
      () => worker.queues.epo.isPaused(),
      (paused) => paused,
    );
    await until(
      () => job.getState(),
      (state) => state === 'delayed',
    );
    const nextHour = new Date();
    nextHour.setUTCMinutes(60, 0, 0);
    expect(await redis.get(EPO_PAUSED_UNTIL_KEY)).toBe(nextHour.toISOString());
    expect((await worker.queues.epo.getJob(job.id!))?.delay).toBeGreaterThan(0);

    // Once the pause is over, the every-5-minutes housekeeping job resumes the queue.
    await worker.queues.epo.remove(job.id!);
    await redis.set(EPO_PAUSED_UNTIL_KEY, new Date(Date.now() - 1000).toISOString());
    const reap = await worker.queues.housekeeping.add('reap:stalled', {});
    expect(await jobResult(worker.queues.housekeeping, reap, 30_000)).toMatchObject({ epoResumed: true });
    expect(await worker.queues.epo.isPaused()).toBe(false);
    expect(await redis.get(EPO_PAUSED_UNTIL_KEY)).toBeNull();
  });
  it('a red traffic light for the family service keeps the stored family and stops the queue for a minute', async () => {
    const assetId = await asset({ grant: '7300001' });
    server.route(familyPath('US.7300001.B2'), {
      kind: 'status',
      status: 200,
      headers: { 'x-throttling-control': 'overloaded (inpadoc=red:0, other=yellow:500)' },
      body: (await readFile(SAMPLE)).toString('utf8'),
    });
    const job = await worker.queues.epo.add('ingest:epo-family', { assetIds: [assetId] });
    const rows = await until(
      async () =>
        (
          await pool.query(
            `select l.outcome from patent_family_lookups l join assets a on a.patent_id = l.patent_id
              where a.id = $1`,
            [assetId],
          )
        ).rows,
      (found) => found.length > 0,
    );
    expect(rows).toEqual([{ outcome: 'found' }]);
    // Longer than the queue's own 1-per-second limiter: the minute of ingestion.md §3.6.
    const ttl = await until(
      () => worker.queues.epo.getRateLimitTtl(),
      (ms) => ms > 1_000,
    );
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Back in the queue without spending an attempt; its retry skips the look-up it already stored.
    expect(
      await until(
        () => job.getState(),
        (state) => state === 'waiting',
      ),
    ).toBe('waiting');
    expect((await worker.queues.epo.getJob(job.id!))?.attemptsMade).toBe(0);
    await worker.queues.epo.removeRateLimitKey();
  });
});
