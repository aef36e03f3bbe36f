import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import {
  CONVEYANCE_TEXT,
  createOrganization,
  exampleAsset,
  exampleRfId,
  runPipelineInline,
  TITLE_CHAIN_EXAMPLES,
  titleStatusForPatent,
} from '@patentrack/pipeline';
import { derivedRows } from '@patentrack/pipeline/testing';
import { enqueueOrgRun } from './processors/pipeline/enqueue';
import { writeAssignmentsXml, writeTitleExampleFiles } from './seed/example-files';
import { waitForQuiet } from './testing/derived-rows';
import { startTestWorker, waitForRun } from './testing/runtime';
import type { WorkerRuntime } from './worker';

let database: TestDatabase;
let pool: Pool;
let worker: WorkerRuntime;
let dir: string;
const orgs = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  dir = mkdtempSync(path.join(tmpdir(), 'pt-e2e-'));
  for (const company of ['BETA', 'GAMMA', 'ACME']) {
    orgs.set(
      company,
      (await createOrganization(pool, { name: `${company} Holdings`, companies: [company] })).id,
    );
  }
  worker = await startTestWorker(database.workerUrl);
  // Real files: the chains as daily assignment XML, face assignees as a weekly grant file.
  const files = await writeTitleExampleFiles(dir);
  await worker.queues.ingestion.add('ingest:grants', { sources: [files.grants] });
  await worker.queues.ingestion.add('ingest:assignments', { sources: [files.assignments] });
  await waitForQuiet(pool, 2);
});

afterAll(async () => {
  await worker?.stop(5_000);
  await pool?.end();
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ingestion → fan-out → pipeline through the worker', () => {
  it.each(TITLE_CHAIN_EXAMPLES.map((example, index) => [example.id, example, index] as const))(
    '%s: verdict, reason and encumbrance of the asset',
    async (_id, example, index) => {
      const [row] = (await titleStatusForPatent(
        pool,
        orgs.get(example.company)!,
        exampleAsset(index).grant,
      )) as Record<string, unknown>[];
      expect(row).toBeDefined();
      expect({ status: row!.status, reason: row!.reason, encumbered: row!.encumbered }).toEqual({
        status: example.expected.status,
        reason: example.expected.reason,
        encumbered: example.expected.encumbered,
      });
      if (example.expected.breakRf) expect(row!.breakRfId).toBe(exampleRfId(index, example.expected.breakRf));
      if (example.expected.openSecurities)
        expect(row!.openSecurityRfIds).toEqual(
          example.expected.openSecurities.map((rf) => exampleRfId(index, rf)),
        );
    },
  );

  it('every organization got exactly one coalesced run per ingestion job at most, all successful', async () => {
    const { rows } = await pool.query<{ organization_id: string; status: string }>(
      `select organization_id, status from processing_jobs`,
    );
    expect(rows.every((r) => r.status === 'success')).toBe(true);
    expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set(orgs.values()));
  });

  it('determinism: a rebuild on unchanged data leaves every derived row and diagram byte-identical', async () => {
    const orgId = orgs.get('BETA')!;
    const before = await derivedRows(pool, orgId);
    const { runId } = await enqueueOrgRun(pool, worker.queues, {
      orgId,
      jobType: 'full_rebuild',
      trigger: 'test',
      startFrom: 'classify',
    });
    expect(await waitForRun(pool, runId)).toBe('success');
    expect(await derivedRows(pool, orgId)).toEqual(before);
  });

  it('incremental: a second file touching one organization runs only that organization and changes only its affected rows', async () => {
    const snapshots = new Map<string, Record<string, string[]>>();
    for (const [company, orgId] of orgs) snapshots.set(company, await derivedRows(pool, orgId));
    const { rows: before } = await pool.query<{ id: string }>(`select id from processing_jobs`);
    const newAsset = { appno: '16999001', grant: '10999001', appnoDate: '2006-02-01' };
    await writeAssignmentsXml(path.join(dir, 'ad20240103.xml'), '2024-01-03', [
      {
        rfId: '099990-0001',
        conveyText: CONVEYANCE_TEXT.employee,
        recordDate: '2020-05-01',
        assignors: [{ name: 'DOE, JANE', execDate: '2020-04-20' }],
        assignees: [{ name: 'GAMMA' }],
        documents: [newAsset],
      },
    ]);
    await worker.queues.ingestion.add('ingest:assignments', { sources: [path.join(dir, 'ad20240103.xml')] });
    await waitForQuiet(pool, 3);

    const { rows: runs } = await pool.query<{ organization_id: string }>(
      `select organization_id from processing_jobs where id <> all($1::uuid[])`,
      [before.map((r) => r.id)],
    );
    expect(runs.map((r) => r.organization_id)).toEqual([orgs.get('GAMMA')]);
    for (const company of ['BETA', 'ACME'])
      expect(await derivedRows(pool, orgs.get(company)!)).toEqual(snapshots.get(company));

    const gammaBefore = snapshots.get('GAMMA')!;
    const gammaAfter = await derivedRows(pool, orgs.get('GAMMA')!);
    // Rows of the assets that were already there survive untouched (same ids, same timestamps); the new
    // transaction is the latest, so the timeline sequence of the earlier ones stays.
    for (const table of ['asset_title_status', 'asset_diagrams', 'timeline_entries', 'assets']) {
      expect(gammaAfter[table]!.length).toBeGreaterThan(gammaBefore[table]!.length);
      for (const row of gammaBefore[table]!) expect(gammaAfter[table], table).toContain(row);
    }
    const [row] = (await titleStatusForPatent(pool, orgs.get('GAMMA')!, newAsset.grant)) as Record<
      string,
      unknown
    >[];
    expect(row).toMatchObject({ status: 'complete', reason: null });

    // The incremental run left exactly what a full rebuild computes from the same data.
    const rebuilt = await runPipelineInline(pool, {
      orgId: orgs.get('GAMMA')!,
      jobType: 'full_rebuild',
      trigger: 'test',
    });
    expect(rebuilt.status).toBe('success');
    expect(await derivedRows(pool, orgs.get('GAMMA')!)).toEqual(gammaAfter);
  });

  it('incremental: a re-recorded assignment that stops naming an asset takes it out, as a full rebuild would', async () => {
    const gamma = orgs.get('GAMMA')!;
    const movedFrom = '10999001';
    const movedTo = { appno: '16999002', grant: '10999002', appnoDate: '2006-03-01' };
    const before = await titleStatusForPatent(pool, gamma, movedFrom);
    expect(before).toHaveLength(1);
    await writeAssignmentsXml(path.join(dir, 'ad20240104.xml'), '2024-01-04', [
      {
        rfId: '099990-0001',
        conveyText: CONVEYANCE_TEXT.employee,
        recordDate: '2020-05-01',
        assignors: [{ name: 'DOE, JANE', execDate: '2020-04-20' }],
        assignees: [{ name: 'GAMMA' }],
        documents: [movedTo],
      },
    ]);
    await worker.queues.ingestion.add('ingest:assignments', { sources: [path.join(dir, 'ad20240104.xml')] });
    await waitForQuiet(pool, 4);
    expect(await titleStatusForPatent(pool, gamma, movedFrom)).toEqual([]);
    expect(await titleStatusForPatent(pool, gamma, movedTo.grant)).toHaveLength(1);
    const afterIncremental = await derivedRows(pool, gamma);
    const rebuilt = await runPipelineInline(pool, { orgId: gamma, jobType: 'full_rebuild', trigger: 'test' });
    expect(rebuilt.status).toBe('success');
    expect(await derivedRows(pool, gamma)).toEqual(afterIncremental);
  });
});
