import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import type { Pool } from './db';
import { runPipelineInline } from './execute';
import { createOrganization } from './orgs';
import { derivedRows, insertRecordedTransactions, syntheticPortfolio } from './testing';
import { CONVEYANCE_TEXT, type RecordedTransaction } from './title-chains';

const COMPANY = 'DELTA DEVICES INC';
const portfolio = syntheticPortfolio({
  company: COMPANY,
  assets: 30,
  transactionsPerAsset: 5,
  firstReel: 500_000,
  firstAppno: 14_000_000,
});
const documentOf = (t: RecordedTransaction) => t.documents[0]!;
const securityOfFirstAsset = portfolio.find(
  (t) => t.conveyText === CONVEYANCE_TEXT.security && documentOf(t).appno === documentOf(portfolio[0]!).appno,
)!;

let database: TestDatabase;
let pool: Pool;
let orgId: string;
let nextFrame = 1;
const rfId = () => `600000-${String(nextFrame++).padStart(4, '0')}`;

/** Marks transactions as one ingestion job leaves them and runs the organization's incremental pipeline. */
async function runIncrementalFor(
  rfIds: string[],
  jobId: string = randomUUID(),
  run: typeof runPipelineInline = runPipelineInline,
) {
  await pool.query(`update assignments set source_job_id = $1 where rf_id = any($2::varchar[])`, [
    jobId,
    rfIds,
  ]);
  return run(pool, {
    orgId,
    jobType: 'incremental',
    trigger: 'test',
    sourceIngestionJobIds: [jobId],
  });
}

/**
 * Asserts that the incremental run started from the previous run's inputs and results (patched, not rebuilt),
 * and that a full rebuild afterwards changes nothing: it leaves untouched every row whose content is unchanged
 * (same id and timestamps), so equal snapshots mean the incremental run wrote exactly the full result.
 */
async function expectSameAsRebuild(incremental: Awaited<ReturnType<typeof runIncrementalFor>>) {
  expect(incremental.status).toBe('success');
  const { rows: steps } = await pool.query<{ step: string; metrics: Record<string, number> }>(
    `select step_name as step, metrics from processing_steps where processing_job_id = $1`,
    [incremental.runId],
  );
  const metric = (step: string, name: string) => steps.find((s) => s.step === step)?.metrics[name];
  expect(metric('classify', 'incremental')).toBe(1);
  expect(metric('tree', 'patchedInputs')).toBe(1);
  expect(metric('tree', 'patched')).toBe(1);
  expect(metric('timeline', 'patched')).toBe(1);
  const afterIncremental = await derivedRows(pool, orgId);
  const rebuilt = await runPipelineInline(pool, { orgId, jobType: 'full_rebuild', trigger: 'test' });
  expect(rebuilt.status).toBe('success');
  expect(await derivedRows(pool, orgId)).toEqual(afterIncremental);
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  await insertRecordedTransactions(pool, portfolio);
  orgId = (await createOrganization(pool, { name: 'Delta Devices', companies: [COMPANY] })).id;
  expect((await runPipelineInline(pool, { orgId })).status).toBe('success');
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('incremental runs write only what their changes reach, and leave what a full rebuild leaves', () => {
  const cases: [string, () => RecordedTransaction[]][] = [
    [
      'an assignment recorded in the middle of the history to a new owner (later timeline sequences shift, new tree node)',
      () => [
        {
          rfId: rfId(),
          conveyText: CONVEYANCE_TEXT.assignment,
          recordDate: '2007-06-20',
          assignors: [{ name: COMPANY, execDate: '2007-06-01' }],
          assignees: [{ name: 'NEW OWNER LLC' }],
          documents: [documentOf(portfolio[40]!)],
        },
      ],
    ],
    [
      'a release of an open security (the asset loses its encumbrance and dashboard rows)',
      () => [
        {
          rfId: rfId(),
          conveyText: CONVEYANCE_TEXT.release,
          recordDate: '2031-02-01',
          assignors: securityOfFirstAsset.assignees.map((p) => ({ name: p.name, execDate: '2031-01-20' })),
          assignees: [{ name: COMPANY }],
          documents: [documentOf(securityOfFirstAsset)],
        },
      ],
    ],
    [
      'an employee assignment of a new application (a new asset joins)',
      () => [
        {
          rfId: rfId(),
          conveyText: CONVEYANCE_TEXT.employee,
          recordDate: '2032-03-01',
          assignors: [{ name: 'ROE, RICHARD', execDate: '2032-02-01' }],
          assignees: [{ name: COMPANY }],
          documents: [{ appno: '14999001', grant: null, appnoDate: '2031-11-30' }],
        },
      ],
    ],
    [
      'a security over several assets to a new bank, recorded on the same day as older ones',
      () => [
        {
          rfId: rfId(),
          conveyText: CONVEYANCE_TEXT.security,
          recordDate: portfolio[7]!.recordDate,
          assignors: [{ name: COMPANY, execDate: portfolio[7]!.recordDate }],
          assignees: [{ name: 'HARBOR CREDIT BANK' }],
          documents: [documentOf(portfolio[7]!), documentOf(portfolio[70]!)],
        },
      ],
    ],
  ];

  it.each(cases)('%s', async (_name, transactions) => {
    const recorded = transactions();
    await insertRecordedTransactions(pool, recorded);
    await expectSameAsRebuild(await runIncrementalFor(recorded.map((t) => t.rfId)));
  });

  it('a re-recorded transaction that no longer names the company nor its assets leaves every derived row', async () => {
    const gone = portfolio.find(
      (t) =>
        t.conveyText === CONVEYANCE_TEXT.security && documentOf(t).appno === documentOf(portfolio[20]!).appno,
    )!;
    // As the assignment loader leaves a re-recorded transaction: new parties and property, the number it stopped
    // naming in superseded_documents, all under the job that loaded it.
    const { rows: job } = await pool.query<{ id: string }>(
      `insert into ingestion_jobs (data_source_id, trigger, status)
       select id, 'cron', 'success' from data_sources where key = 'uspto_assignments_daily' returning id`,
    );
    await pool.query(
      `insert into entities (name, name_key) values ('UNRELATED SELLER LLC', 'unrelated seller llc')
       on conflict (name_key) do nothing`,
    );
    await pool.query(
      `update assignors set or_name = 'UNRELATED SELLER LLC',
              entity_id = (select id from entities where name_key = 'unrelated seller llc')
        where rf_id = $1`,
      [gone.rfId],
    );
    await pool.query(
      `update document_ids set appno_doc_num = '19999999', grant_doc_num = null where rf_id = $1`,
      [gone.rfId],
    );
    await pool.query(
      `insert into superseded_documents (source_job_id, rf_id, appno_doc_num, grant_doc_num) values ($1, $2, $3, $4)`,
      [job[0]!.id, gone.rfId, documentOf(gone).appno, documentOf(gone).grant],
    );
    await expectSameAsRebuild(await runIncrementalFor([gone.rfId], job[0]!.id));
    const { rows } = await pool.query(
      `select 1 from timeline_entries where organization_id = $1 and rf_id = $2
       union all select 1 from company_transaction_activities where organization_id = $1 and rf_id = $2`,
      [orgId, gone.rfId],
    );
    expect(rows).toEqual([]);
  });

  it('a re-recorded transaction whose corrected execution date moves it to the start of the history', async () => {
    const moved = portfolio[45]!;
    await pool.query(`update assignors set exec_dt = date '2004-01-01' where rf_id = $1`, [moved.rfId]);
    await expectSameAsRebuild(await runIncrementalFor([moved.rfId]));
  });

  it('after a restart, the start-up warm-up lets the first incremental run patch as the previous worker would', async () => {
    // A fresh module graph is a fresh process: none of the earlier runs' state is held.
    vi.resetModules();
    const restarted = await import('./index');
    expect((await restarted.warmIncrementalState(pool, { organizations: 6 })).map((w) => w.orgId)).toEqual([
      orgId,
    ]);
    const recorded: RecordedTransaction = {
      rfId: rfId(),
      conveyText: CONVEYANCE_TEXT.security,
      recordDate: '2033-05-02',
      assignors: [{ name: COMPANY, execDate: '2033-05-01' }],
      assignees: [{ name: 'HARBOR CREDIT BANK' }],
      documents: [documentOf(portfolio[12]!)],
    };
    await insertRecordedTransactions(pool, [recorded]);
    await expectSameAsRebuild(
      await runIncrementalFor([recorded.rfId], randomUUID(), restarted.runPipelineInline),
    );
  });
});
