import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { affectedOrganizations } from '../common/affected-organizations';
import { HttpClient } from '../common/http-client';
import type { JobSummary } from '../common/ingestion-job';
import { TestFileServer } from '../common/test-file-server';
import {
  assignmentXml,
  AssignmentXmlWriter,
  emptyDayXml,
  writeAssignmentFile,
  zipFile,
  type AssignmentSpec,
} from '../generator/assignment-xml';
import { AssignmentCorpus } from '../generator/corpus';
import { ingestAssignmentFile, ingestNewAssignmentFiles, type IngestAssignmentsResult } from './ingest';
import { createWriteStream } from 'node:fs';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const SAMPLE = join(repoRoot, 'data/samples/uspto-assignments/ad20160101_records001-133.xml');
const CLI = join(repoRoot, 'apps/worker/bin/patentrack.mjs');

/** Content of the public-data tables, independent of job ids, timestamps and generated entity ids. */
const CHECKSUM_SQL = {
  assignments: `SELECT md5(coalesce(string_agg(concat_ws('|', rf_id, reel_no, frame_no, convey_text, record_dt, exec_dt,
      last_update_dt, page_count, cname, caddress_1, caddress_2, caddress_3, caddress_4, status, record_hash), E'\\n'
      ORDER BY rf_id), '')) AS sum, count(*)::int AS n FROM assignments`,
  document_ids: `SELECT md5(coalesce(string_agg(d::text, E'\\n' ORDER BY rf_id, property_seq), '')) AS sum, count(*)::int AS n
      FROM document_ids d`,
  assignors: `SELECT md5(coalesce(string_agg(concat_ws('|', a.rf_id, a.seq, e.name_key, a.or_name, a.exec_dt, a.ack_dt), E'\\n'
      ORDER BY a.rf_id, a.seq), '')) AS sum, count(*)::int AS n FROM assignors a JOIN entities e ON e.id = a.entity_id`,
  assignees: `SELECT md5(coalesce(string_agg(concat_ws('|', a.rf_id, a.seq, e.name_key, a.ee_name, a.ee_address_1,
      a.ee_city, a.ee_state, a.ee_postcode, a.ee_country), E'\\n' ORDER BY a.rf_id, a.seq), '')) AS sum,
      count(*)::int AS n FROM assignees a JOIN entities e ON e.id = a.entity_id`,
  entities: `SELECT md5(coalesce(string_agg(concat_ws('|', name, name_key, instances), E'\\n' ORDER BY name_key), ''))
      AS sum, count(*)::int AS n FROM entities`,
};

async function contentChecksums(pool: pg.Pool): Promise<Record<string, { sum: string; n: number }>> {
  const result: Record<string, { sum: string; n: number }> = {};
  for (const [table, sql] of Object.entries(CHECKSUM_SQL)) {
    const { rows } = await pool.query<{ sum: string; n: number }>(sql);
    result[table] = rows[0]!;
  }
  return result;
}

/** Full rows including timestamps and ids: a re-run must not touch a single one. */
async function rawChecksums(pool: pg.Pool): Promise<string[]> {
  const sums: string[] = [];
  for (const table of ['assignments', 'document_ids', 'assignors', 'assignees', 'entities']) {
    const { rows } = await pool.query<{ sum: string }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM ${table} t`,
    );
    sums.push(`${table}:${rows[0]!.sum}`);
  }
  return sums;
}

function asSummary(result: IngestAssignmentsResult): JobSummary {
  expect(result.status).not.toBe('skipped');
  return result as JobSummary;
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

let db: TestDatabase;
let pool: pg.Pool;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool(db.workerUrl, { max: 4 });
  dir = await mkdtemp(join(tmpdir(), 'pt-ingest-'));
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Empties the public-data tables between scenarios (DELETE: TRUNCATE of ~100 partitions is far slower). */
async function resetData(): Promise<void> {
  await pool.query(`DELETE FROM assignments`);
  await pool.query(`DELETE FROM entities`);
}

describe('ingesting the real daily sample', () => {
  it('loads every record, property, assignor and assignee, counted independently', async () => {
    await resetData();
    const xml = await readFile(SAMPLE, 'utf8');
    const summary = asSummary(await ingestAssignmentFile({ pool, source: SAMPLE, batchSize: 50 }));
    const records = count(xml, /<patent-assignment>/g);
    expect(summary).toMatchObject({ status: 'success', processed: records, inserted: records, failed: 0 });
    const tables = await contentChecksums(pool);
    expect(tables.assignments!.n).toBe(records);
    expect(tables.document_ids!.n).toBe(count(xml, /<patent-property>/g));
    expect(tables.assignors!.n).toBe(count(xml, /<patent-assignor>/g));
    expect(tables.assignees!.n).toBe(count(xml, /<patent-assignee>/g));

    const { rows: job } = await pool.query(
      `SELECT j.status, j.records_inserted, f.status AS file_status, f.file_date::text, s.watermark_date::text,
              s.last_success_at IS NOT NULL AS fresh
         FROM ingestion_jobs j JOIN ingestion_files f ON f.id = j.ingestion_file_id
         JOIN data_sources s ON s.id = j.data_source_id WHERE j.id = $1`,
      [summary.jobId],
    );
    expect(job[0]).toMatchObject({
      status: 'success',
      records_inserted: records,
      file_status: 'processed',
      file_date: '2016-01-01',
      watermark_date: '2016-01-01',
      fresh: true,
    });
    const { rows: changes } = await pool.query(
      `SELECT count(*)::int AS n FROM ingestion_changes WHERE ingestion_job_id = $1`,
      [summary.jobId],
    );
    expect(changes[0].n).toBe(records);
  });

  it('maps header, parties and document numbers of a known record', async () => {
    const { rows } = await pool.query(
      `SELECT a.rf_id, a.record_dt::text, a.exec_dt::text, a.status, a.convey_text,
              d.appno_doc_num, d.pgpub_doc_num, d.grant_doc_num, d.grant_kind, d.title
         FROM assignments a JOIN document_ids d USING (rf_id) WHERE a.rf_id = '037388-0092'`,
    );
    expect(rows[0]).toEqual({
      rf_id: '037388-0092',
      record_dt: '2015-12-30',
      exec_dt: '2006-03-29',
      status: 'active',
      convey_text: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
      appno_doc_num: '14678893',
      pgpub_doc_num: '20150215460',
      grant_doc_num: '9219817',
      grant_kind: 'B2',
      title: 'Method and System for Managing Interactive Communications Campaigns',
    });
    const { rows: entity } = await pool.query(
      `SELECT e.instances FROM entities e JOIN assignees a ON a.entity_id = e.id WHERE a.rf_id = '037388-0092'`,
    );
    expect(entity[0].instances).toBeGreaterThanOrEqual(1);
  });

  it('re-ingesting the same file changes nothing: every record unchanged, identical table checksums', async () => {
    const before = await rawChecksums(pool);
    const summary = asSummary(await ingestAssignmentFile({ pool, source: SAMPLE }));
    expect(summary).toMatchObject({
      status: 'success',
      inserted: 0,
      updated: 0,
      unchanged: 133,
      processed: 133,
    });
    expect(await rawChecksums(pool)).toEqual(before);
  });
});

describe('changed and voided records', () => {
  const spec = (overrides: Partial<AssignmentSpec> = {}): AssignmentSpec => ({
    reel: 990001,
    frame: 10,
    conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
    recordedDate: '2024-01-02',
    assignors: [
      { name: 'DOE, JANE', executionDate: '2023-12-01' },
      { name: 'ROE, RICHARD', executionDate: '2023-11-30' },
    ],
    assignees: [{ name: 'GLOBEX CORPORATION', city: 'SPRINGFIELD', state: 'OREGON' }],
    properties: [
      {
        appno: '17123456',
        filingDate: '2022-05-05',
        grant: '11999999',
        grantKind: 'B2',
        issueDate: '2023-10-10',
        title: 'Widget',
      },
    ],
    ...overrides,
  });

  it('updates a changed record, replaces its children as a set and recounts the entities it dropped', async () => {
    await resetData();
    const first = join(dir, 'ad20240102.xml');
    await writeAssignmentFile(first, '2024-01-02', [spec()]);
    expect(asSummary(await ingestAssignmentFile({ pool, source: first }))).toMatchObject({ inserted: 1 });

    const second = join(dir, 'ad20240103.xml');
    await writeAssignmentFile(second, '2024-01-03', [
      spec({ purged: true, assignors: [{ name: 'DOE, JANE', executionDate: '2023-12-01' }] }),
    ]);
    const summary = asSummary(await ingestAssignmentFile({ pool, source: second }));
    expect(summary).toMatchObject({ status: 'success', inserted: 0, updated: 1, unchanged: 0 });
    const { rows } = await pool.query(
      `SELECT a.status, a.exec_dt::text, (SELECT count(*)::int FROM assignors o WHERE o.rf_id = a.rf_id) AS assignors
         FROM assignments a WHERE rf_id = '990001-0010'`,
    );
    expect(rows[0]).toEqual({ status: 'void', exec_dt: '2023-12-01', assignors: 1 });
    const { rows: dropped } = await pool.query(`SELECT instances FROM entities WHERE name_key = $1`, [
      'roe, richard',
    ]);
    expect(dropped[0].instances).toBe(0);
    // The record, and the numbers its replaced document rows named (a number it stops naming lost a transaction).
    const { rows: changes } = await pool.query(
      `SELECT key_type, key FROM ingestion_changes WHERE ingestion_job_id = $1 ORDER BY key_type, key`,
      [summary.jobId],
    );
    expect(changes).toEqual([
      { key_type: 'rf_id', key: '990001-0010' },
      { key_type: 'appno', key: '17123456' },
      { key_type: 'grant', key: '11999999' },
    ]);
    const { rows: superseded } = await pool.query(
      `SELECT rf_id, appno_doc_num, grant_doc_num FROM superseded_documents WHERE source_job_id = $1`,
      [summary.jobId],
    );
    expect(superseded).toEqual([
      { rf_id: '990001-0010', appno_doc_num: '17123456', grant_doc_num: '11999999' },
    ]);
  });

  it('finds the organisations whose assets or tracked companies the job touched', async () => {
    const { rows: orgs } = await pool.query<{ id: string }>(
      `INSERT INTO organizations (name, slug) VALUES ('Asset Org', 'asset-org'), ('Company Org', 'company-org'),
              ('Bystander Org', 'bystander-org') RETURNING id`,
    );
    const [assetOrg, companyOrg, bystander] = orgs.map((o) => o.id);
    await pool.query(
      `INSERT INTO assets (organization_id, grant_doc_num) VALUES ($1, '11999999'), ($2, '5555555')`,
      [assetOrg, bystander],
    );
    await pool.query(
      `INSERT INTO companies (organization_id, name, name_key) VALUES ($1, 'Globex', 'globex corp'), ($2, 'Initech', 'initech')`,
      [companyOrg, bystander],
    );
    const third = join(dir, 'ad20240104.xml');
    await writeAssignmentFile(third, '2024-01-04', [
      spec({ reel: 990002, frame: 1, properties: [{ appno: '17000001', title: 'Gadget' }] }),
    ]);
    const summary = asSummary(await ingestAssignmentFile({ pool, source: third }));
    expect(await affectedOrganizations(pool, summary.jobId)).toEqual([companyOrg].sort());

    const fourth = join(dir, 'ad20240105.xml');
    await writeAssignmentFile(fourth, '2024-01-05', [
      spec({ reel: 990003, frame: 1, assignees: [{ name: 'HOOLI LLC' }] }),
    ]);
    const assetJob = asSummary(await ingestAssignmentFile({ pool, source: fourth }));
    expect(await affectedOrganizations(pool, assetJob.jobId)).toEqual([assetOrg]);
  });
});

describe('bad input', () => {
  it('skips 3 corrupted records, loads every good one, and ends the job partial', async () => {
    await resetData();
    const path = join(dir, 'ad20240201.xml');
    const corpus = new AssignmentCorpus({ seed: 3, startReel: 970_000 });
    const good = [...corpus.records(12, '2024-02-01')];
    const writer = new AssignmentXmlWriter(createWriteStream(path), '2024-02-01');
    await writer.start();
    for (const [index, record] of good.entries()) {
      await writer.writeAssignment(record);
      if (index === 2)
        await writer.writeRaw(
          assignmentXml({ ...good[0]!, reel: 1, frame: 1 }).replace(/<reel-no>1<\/reel-no>/, ''),
        );
      if (index === 5)
        await writer.writeRaw(
          assignmentXml({ ...good[0]!, reel: 1, frame: 2 }).replace('<frame-no>2<', '<frame-no>2A<'),
        );
      if (index === 8) {
        await writer.writeRaw(
          assignmentXml({ ...good[0]!, reel: 1, frame: 3, assignors: [{ name: 'BAD &#x1; NAME' }] }).replace(
            '&amp;#x1;',
            '&#x1;',
          ),
        );
      }
    }
    await writer.writeAssignment({ ...good[1]!, reel: 1, frame: 4, recordedDate: '2024-02-30' });
    await writer.end();

    const summary = asSummary(await ingestAssignmentFile({ pool, source: path, batchSize: 4 }));
    expect(summary).toMatchObject({ status: 'partial', failed: 3, inserted: 13, processed: 16 });
    const { rows: errors } = await pool.query(
      `SELECT severity, error_type, record_identifier, raw_data IS NOT NULL AS has_raw
         FROM ingestion_errors WHERE ingestion_job_id = $1 ORDER BY severity, record_identifier`,
      [summary.jobId],
    );
    expect(errors.filter((e) => e.severity === 'error')).toEqual([
      { severity: 'error', error_type: 'validation', record_identifier: '1/2A', has_raw: true },
      { severity: 'error', error_type: 'parse', record_identifier: '1/3', has_raw: true },
      { severity: 'error', error_type: 'validation', record_identifier: '?/1', has_raw: true },
    ]);
    expect(errors.filter((e) => e.severity === 'warning').map((e) => e.record_identifier)).toContain(
      '000001-0004',
    );
    const { rows: stored } = await pool.query(
      `SELECT record_dt FROM assignments WHERE rf_id = '000001-0004'`,
    );
    expect(stored).toEqual([{ record_dt: null }]);
    const { rows: total } = await pool.query(`SELECT count(*)::int AS n FROM assignments`);
    expect(total[0].n).toBe(13);
  });

  it('aborts as a failed data job when bad records pass the error rate', async () => {
    await resetData();
    const path = join(dir, 'ad20240202.xml');
    const writer = new AssignmentXmlWriter(createWriteStream(path), '2024-02-02');
    await writer.start();
    for (const [index, record] of [
      ...new AssignmentCorpus({ seed: 4, startReel: 930_000 }).records(1200, '2024-02-02'),
    ].entries()) {
      if (index % 10 === 0)
        await writer.writeRaw(assignmentXml(record).replace(/<frame-no>(\d+)</, '<frame-no>$1X<'));
      else await writer.writeAssignment(record);
    }
    await writer.end();
    const summary = asSummary(await ingestAssignmentFile({ pool, source: path, batchSize: 200 }));
    expect(summary).toMatchObject({ status: 'failed', errorClass: 'data' });
    expect(summary.errorMessage).toMatch(/Too many bad records/);
  });

  it('succeeds with 0 records on a day without data', async () => {
    const path = join(dir, 'ad20240203.xml');
    await writeFile(path, emptyDayXml('2024-02-03'));
    const summary = asSummary(await ingestAssignmentFile({ pool, source: path }));
    expect(summary).toMatchObject({ status: 'success', processed: 0 });
  });

  it('fails a non-XML file and a truncated ZIP as data errors without loading anything', async () => {
    await resetData();
    const text = join(dir, 'ad20240204.xml');
    await writeFile(text, 'reel,frame\n1,2\n');
    const notXml = asSummary(await ingestAssignmentFile({ pool, source: text }));
    expect(notXml).toMatchObject({ status: 'failed', errorClass: 'data' });

    const xml = join(dir, 'ad20240205.xml');
    await writeAssignmentFile(
      xml,
      '2024-02-05',
      new AssignmentCorpus({ seed: 5 }).records(200, '2024-02-05'),
    );
    const zip = join(dir, 'ad20240205.zip');
    await zipFile(xml, zip);
    const bytes = await readFile(zip);
    await writeFile(zip, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const truncated = asSummary(await ingestAssignmentFile({ pool, source: zip }));
    expect(truncated).toMatchObject({ status: 'failed', errorClass: 'data', processed: 0 });
    expect(truncated.errorMessage).toMatch(/zip/i);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM assignments`);
    expect(rows[0].n).toBe(0);
  });
});

describe('downloading through the retry matrix', () => {
  let server: TestFileServer;
  let zipBytes: Buffer;
  const http = () =>
    new HttpClient({
      maxRetries: 5,
      backoffBaseMs: 1,
      connectTimeoutMs: 2000,
      idleTimeoutMs: 2000,
      apiKey: 'k',
      apiKeyOrigin: server.url(''),
    });

  beforeAll(async () => {
    server = new TestFileServer();
    await server.start();
    const xml = join(dir, 'served.xml');
    await writeAssignmentFile(
      xml,
      '2024-03-01',
      new AssignmentCorpus({ seed: 9, startReel: 960_000 }).records(40, '2024-03-01'),
    );
    await zipFile(xml, join(dir, 'served.zip'), 'ad20240301.xml');
    zipBytes = await readFile(join(dir, 'served.zip'));
  });

  afterAll(async () => {
    await server.stop();
  });

  const cases: [string, Parameters<TestFileServer['route']>[1][], number][] = [
    ['429 then 200', [{ kind: 'status', status: 429, headers: { 'retry-after': '0' } }], 2],
    [
      '503 twice then 200',
      [
        { kind: 'status', status: 503 },
        { kind: 'status', status: 503 },
      ],
      3,
    ],
    ['a connection reset', [{ kind: 'reset' }], 2],
  ];
  it.each(cases)('loads the file after %s', async (_name, failures, requests) => {
    await resetData();
    const path = `/files/${_name.replace(/\W+/g, '-')}/ad20240301.zip`;
    server.route(path, ...failures, { kind: 'ok', body: zipBytes });
    const summary = asSummary(
      await ingestAssignmentFile({ pool, source: server.url(path), http: http(), workDir: dir }),
    );
    expect(summary).toMatchObject({ status: 'success', inserted: 40 });
    expect(server.hits(path)).toHaveLength(requests);
    const { rows } = await pool.query(
      `SELECT f.status, f.checksum_sha256 IS NOT NULL AS hashed, j.bytes_downloaded::int AS bytes
         FROM ingestion_jobs j JOIN ingestion_files f ON f.id = j.ingestion_file_id WHERE j.id = $1`,
      [summary.jobId],
    );
    expect(rows[0]).toEqual({ status: 'processed', hashed: true, bytes: zipBytes.length });
  });

  it('fails the job as auth on 401 without retrying, and records the source failure', async () => {
    server.route('/auth/ad20240301.zip', { kind: 'status', status: 401 });
    const summary = asSummary(
      await ingestAssignmentFile({
        pool,
        source: server.url('/auth/ad20240301.zip'),
        http: http(),
        workDir: dir,
      }),
    );
    expect(summary).toMatchObject({ status: 'failed', errorClass: 'auth' });
    expect(server.hits('/auth/ad20240301.zip')).toHaveLength(1);
    const { rows } = await pool.query(
      `SELECT last_error, last_failure_at IS NOT NULL AS failed FROM data_sources WHERE key = 'uspto_assignments_daily'`,
    );
    expect(rows[0]).toMatchObject({ failed: true });
    expect(rows[0].last_error).toMatch(/401/);
  });

  it('fails a body that stays truncated and loads nothing from it', async () => {
    await resetData();
    server.route('/cut/ad20240301.zip', { kind: 'cut', body: zipBytes, bytes: 500, acceptRanges: false });
    const summary = asSummary(
      await ingestAssignmentFile({
        pool,
        source: server.url('/cut/ad20240301.zip'),
        http: http(),
        workDir: dir,
      }),
    );
    expect(summary).toMatchObject({ status: 'failed', errorClass: 'transient', processed: 0 });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM assignments`);
    expect(rows[0].n).toBe(0);
  });
});

describe('polling the daily product for new files', () => {
  it('ingests new files oldest first, skips known ones, re-processes a republished file and stops at a failure', async () => {
    await resetData();
    const server = new TestFileServer();
    const cdn = new TestFileServer();
    const base = await server.start();
    await cdn.start();
    try {
      const corpus = new AssignmentCorpus({ seed: 21, startReel: 940_000 });
      const zips: Buffer[] = [];
      for (const day of ['2024-05-01', '2024-05-02']) {
        const xml = join(dir, `poll-${day}.xml`);
        await writeAssignmentFile(xml, day, corpus.records(30, day));
        await zipFile(xml, join(dir, `poll-${day}.zip`), `ad${day.replace(/-/g, '')}.xml`);
        zips.push(await readFile(join(dir, `poll-${day}.zip`)));
      }
      const listing = (files: { name: string; size: number }[]) =>
        Buffer.from(
          JSON.stringify({
            count: 1,
            bulkDataProductBag: [
              {
                productIdentifier: 'PASDL',
                productFileBag: {
                  fileDataBag: files.map((f) => ({
                    fileName: f.name,
                    fileSize: f.size,
                    fileDownloadURI: cdn.url(`/cdn/${f.name}?sig=${f.size}`),
                    fileReleaseDate: '2024-05-03 00:00:00',
                  })),
                },
              },
            ],
          }),
        );
      const listed = [
        { name: 'ad20240502.zip', size: zips[1]!.length },
        { name: 'ad20240501.zip', size: zips[0]!.length },
        { name: 'readme.txt', size: 10 },
      ];
      server.route('/api/v1/datasets/products/PASDL', { kind: 'ok', body: listing(listed) });
      cdn.route('/cdn/ad20240501.zip', { kind: 'ok', body: zips[0]! });
      cdn.route('/cdn/ad20240502.zip', { kind: 'ok', body: zips[1]! });
      const http = new HttpClient({
        maxRetries: 2,
        backoffBaseMs: 1,
        connectTimeoutMs: 5000,
        idleTimeoutMs: 5000,
        apiKey: 'odp-key',
        apiKeyOrigin: base,
      });
      const poll = () =>
        ingestNewAssignmentFiles({
          pool,
          http,
          baseUrl: base,
          workDir: dir,
          trigger: 'cron',
          today: '2024-05-03',
        });

      const first = (await poll()).map(asSummary);
      expect(first.map((r) => [r.status, r.inserted])).toEqual([
        ['success', 30],
        ['success', 30],
      ]);
      const { rows: order } = await pool.query(
        `SELECT file_name FROM ingestion_jobs WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
        [first.map((r) => r.jobId)],
      );
      expect(order.map((r) => r.file_name)).toEqual(['ad20240501.zip', 'ad20240502.zip']);
      expect(server.hits('/api/v1/datasets/products/PASDL')[0]?.headers['x-api-key']).toBe('odp-key');
      expect(cdn.hits('/cdn/ad20240501.zip')[0]?.headers['x-api-key']).toBeUndefined();

      expect(await poll()).toEqual([]);

      listed[0]!.size += 1;
      listed[1]!.size += 1;
      server.route('/api/v1/datasets/products/PASDL', { kind: 'ok', body: listing(listed) });
      cdn.route('/cdn/ad20240501.zip', { kind: 'status', status: 400 });
      const republished = (await poll()).map(asSummary);
      expect(republished).toMatchObject([{ status: 'failed', errorClass: 'permanent' }]);
      const { rows: files } = await pool.query(
        `SELECT file_name, status, attempts FROM ingestion_files WHERE file_name LIKE 'ad202405%' ORDER BY file_name`,
      );
      expect(files).toEqual([
        { file_name: 'ad20240501.zip', status: 'failed', attempts: 1 },
        { file_name: 'ad20240502.zip', status: 'discovered', attempts: 0 },
      ]);
    } finally {
      await server.stop();
      await cdn.stop();
    }
  });
});

describe('crash safety', () => {
  function runCli(
    file: string,
    workerUrl: string,
    killWhen?: (processed: number) => boolean,
    probe?: pg.Pool,
  ) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>(
      (resolvePromise, reject) => {
        const child = spawn(process.execPath, [CLI, 'ingest', 'assignments', file, '--json'], {
          env: {
            ...process.env,
            DATABASE_URL_WORKER: workerUrl,
            INGEST_BATCH_SIZE: '100',
            LOG_LEVEL: 'silent',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        let timer: NodeJS.Timeout | undefined;
        if (killWhen && probe) {
          const poll = async () => {
            const { rows } = await probe.query<{ n: number }>(
              `SELECT coalesce(max(records_processed), 0)::int AS n FROM ingestion_jobs WHERE status = 'running'`,
            );
            if (killWhen(rows[0]!.n)) child.kill('SIGKILL');
            else timer = setTimeout(() => void poll().catch(reject), 20);
          };
          timer = setTimeout(() => void poll().catch(reject), 20);
        }
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          resolvePromise({ code, signal, stdout });
        });
      },
    );
  }

  it('a run killed early, in the middle and late, then rerun, equals one clean run with no duplicates', async () => {
    const records = 1000;
    const file = join(dir, 'ad20240401.xml');
    await writeAssignmentFile(
      file,
      '2024-04-01',
      new AssignmentCorpus({ seed: 11, startReel: 950_000 }).records(records, '2024-04-01'),
    );

    const clean = await createTestDatabase();
    const cleanPool = createPool(clean.workerUrl, { max: 2 });
    try {
      const cleanRun = await runCli(file, clean.workerUrl);
      expect(JSON.parse(cleanRun.stdout.trim().split('\n').at(-1)!)).toMatchObject({
        status: 'success',
        inserted: records,
      });

      await resetData();
      for (const share of [0.05, 0.4, 0.7]) {
        const killed = await runCli(file, db.workerUrl, (n) => n >= records * share, pool);
        expect(killed.signal).toBe('SIGKILL');
        const { rows: loaded } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM assignments`,
        );
        expect(loaded[0]!.n).toBeGreaterThan(0);
        expect(loaded[0]!.n).toBeLessThan(records);
      }
      const rerun = await runCli(file, db.workerUrl);
      expect(JSON.parse(rerun.stdout.trim().split('\n').at(-1)!)).toMatchObject({
        status: 'success',
        processed: records,
      });

      expect(await contentChecksums(pool)).toEqual(await contentChecksums(cleanPool));
      const { rows: interrupted } = await pool.query(
        `SELECT count(*)::int AS n FROM ingestion_jobs WHERE file_name = 'ad20240401.xml' AND status = 'failed'
            AND error_message LIKE 'Interrupted%'`,
      );
      expect(interrupted[0].n).toBe(3);
    } finally {
      await cleanPool.end();
      await clean.drop();
    }
  });
});
