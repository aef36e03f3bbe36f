import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { ingestCpcMasterFile } from './master-file-ingest';
import { HttpClient } from '../common/http-client';
import { TestFileServer } from '../common/test-file-server';
import { ingestCpcSchemeFile, ingestNewCpcScheme } from './scheme-ingest';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../data/samples/uspto-cpc');
const MASTER = readFileSync(path.join(SAMPLES, 'US_Grant_CPC_MCF_XML_sample_US9400000.xml'), 'utf8');
const SCHEME = readFileSync(path.join(SAMPLES, 'cpc-scheme-A01L.xml'), 'utf8');
const RECORD = /<uspat:CPCMasterClassificationRecord>[\s\S]*?<\/uspat:CPCMasterClassificationRecord>/;
const [HEAD, TAIL] = MASTER.split(RECORD) as [string, string];
const SAMPLE_RECORD = RECORD.exec(MASTER)![0];

let database: TestDatabase;
let pool: pg.Pool;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl, { max: 6 });
  dir = await mkdtemp(path.join(tmpdir(), 'cpc-ingest-'));
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The sample record under another grant number; `main` replaces its main symbol's subgroup. */
function record(grant: number, subgroup = '703'): string {
  return SAMPLE_RECORD.replace('<pat:PatentNumber>9400000<', `<pat:PatentNumber>${grant}<`).replace(
    '<pat:Subgroup>703<',
    `<pat:Subgroup>${subgroup}<`,
  );
}

const masterXml = (records: string[]) => `${HEAD}${records.join('\n')}${TAIL}`;

/** A zip holding the given entries, as the monthly product ships several XML files. */
async function zip(name: string, entries: Record<string, string>): Promise<string> {
  const file = new yazl.ZipFile();
  for (const [entry, text] of Object.entries(entries)) file.addBuffer(Buffer.from(text), entry);
  file.end();
  const target = path.join(dir, name);
  await pipeline(file.outputStream, createWriteStream(target));
  return target;
}

/** Distinct symbols per record, counted from the XML text alone. */
function independentRowCount(xml: string): number {
  let rows = 0;
  for (const [text] of xml.matchAll(new RegExp(RECORD, 'g'))) {
    const symbols = [...text.matchAll(/<pat:CPCClassification>([\s\S]*?)<\/pat:CPCClassification>/g)].map(
      ([, body]) =>
        ['CPCSection', 'Class', 'Subclass', 'MainGroup', 'Subgroup']
          .map((tag) => new RegExp(`<pat:${tag}>([^<]*)<`).exec(body!)![1])
          .join(),
    );
    rows += new Set(symbols).size;
  }
  return rows;
}

const grantRows = () =>
  pool
    .query<{ rows: number; docs: number; snapshots: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT doc_num)::int AS docs, count(DISTINCT snapshot_id)::int AS snapshots
         FROM patent_cpc_codes WHERE doc_type = 'grant'`,
    )
    .then((r) => r.rows[0]!);

const errorsOf = (jobId: string) =>
  pool
    .query<{ severity: string; error_type: string; record_identifier: string | null }>(
      `SELECT severity, error_type, record_identifier FROM ingestion_errors WHERE ingestion_job_id = $1
        ORDER BY severity, record_identifier`,
      [jobId],
    )
    .then((r) => r.rows);

/** Every published grant row, snapshot id included. */
const publishedGrants = () =>
  pool
    .query(`SELECT * FROM patent_cpc_codes WHERE doc_type = 'grant' ORDER BY doc_num, cpc_code`)
    .then((r) => r.rows);

/** What the job row stored: its counters and the comparison's outcome. */
async function jobRow(result: Awaited<ReturnType<typeof ingestCpcMasterFile>>) {
  if (result.status === 'skipped') throw new Error('unexpected skip');
  const { rows } = await pool.query(
    `SELECT records_processed, records_inserted, records_updated, records_unchanged,
            (metadata->>'published')::boolean AS published, (metadata->>'removed')::int AS removed
       FROM ingestion_jobs WHERE id = $1`,
    [result.jobId],
  );
  return rows[0];
}

describe('CPC master classification files', () => {
  it('loads every entry of a monthly zip as one snapshot, row count equal to an independent count', async () => {
    const first = masterXml([SAMPLE_RECORD]);
    const second = masterXml([record(9400001, '70'), record(9400002)]);
    const file = await zip('US_Grant_CPC_MCF_XML_2025-01-01.zip', {
      'US_Grant_CPC_MCF_XML_2025-01-01_1.xml': first,
      'US_Grant_CPC_MCF_XML_2025-01-01_2.xml': second,
    });
    const result = await ingestCpcMasterFile({ pool, source: file });
    expect(result).toMatchObject({ status: 'success', processed: 3, inserted: 3, failed: 0 });
    expect(await grantRows()).toEqual({
      rows: independentRowCount(first) + independentRowCount(second),
      docs: 3,
      snapshots: 1,
    });
    const { rows: main } = await pool.query(
      `SELECT doc_num, cpc_code, symbol_position, classification_value, version_date::text, pgpub_doc_num
         FROM patent_cpc_codes WHERE symbol_position = 'F' ORDER BY doc_num`,
    );
    expect(main).toEqual([
      {
        doc_num: '9400000',
        cpc_code: 'F04D29/703',
        symbol_position: 'F',
        classification_value: 'I',
        version_date: '2013-01-01',
        pgpub_doc_num: null,
      },
      {
        doc_num: '9400001',
        cpc_code: 'F04D29/70',
        symbol_position: 'F',
        classification_value: 'I',
        version_date: '2013-01-01',
        pgpub_doc_num: null,
      },
      {
        doc_num: '9400002',
        cpc_code: 'F04D29/703',
        symbol_position: 'F',
        classification_value: 'I',
        version_date: '2013-01-01',
        pgpub_doc_num: null,
      },
    ]);
    const { rows: ledger } = await pool.query(
      `SELECT f.file_date::text, f.status, s.watermark_date::text AS watermark FROM ingestion_files f
         JOIN data_sources s ON s.id = f.data_source_id WHERE s.key = 'uspto_cpc_grant_mcf'`,
    );
    expect(ledger).toEqual([{ file_date: '2025-01-01', status: 'processed', watermark: '2025-01-01' }]);
  });

  it('swaps a second snapshot in atomically: readers see one month or the other, never a mix', async () => {
    const before = await grantRows();
    const records = Array.from({ length: 4000 }, (_, i) => record(5_000_000 + i));
    const file = path.join(dir, 'US_Grant_CPC_MCF_XML_2025-02-01.xml');
    await writeFile(file, masterXml(records));
    const expected = independentRowCount(masterXml(records));

    const seen = new Set<string>();
    let loading = true;
    let reads = 0;
    const reader = (async () => {
      while (loading) {
        const now = await grantRows();
        seen.add(`${now.rows}/${now.docs}/${now.snapshots}`);
        reads += 1;
      }
    })();
    const result = await ingestCpcMasterFile({ pool, source: file, batchSize: 200 });
    loading = false;
    await reader;
    expect(result).toMatchObject({ status: 'success', inserted: 4000 });
    const after = await grantRows();
    expect(after).toEqual({ rows: expected, docs: 4000, snapshots: 1 });
    // The reader kept reading through the whole load, and only ever saw one complete month.
    expect(reads).toBeGreaterThan(10);
    expect(seen.has(`${before.rows}/${before.docs}/1`)).toBe(true);
    expect([...seen].every((state) => [before, after].some((s) => state === `${s.rows}/${s.docs}/1`))).toBe(
      true,
    );
    const { rows: leaves } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'patent_cpc_codes_grant'::regclass`,
    );
    expect(leaves[0].n).toBe(1);
  });

  it('skips bad records into ingestion_errors and ends partial; the job goes on', async () => {
    const noNumber = record(1).replace(/<pat:PatentNumber>1<\/pat:PatentNumber>/, '');
    const badSymbol = record(9400010).replace(
      '<pat:CPCSection>F</pat:CPCSection>',
      '<pat:CPCSection>Q</pat:CPCSection>',
    );
    const file = await zip('US_Grant_CPC_MCF_XML_2025-03-01.zip', {
      'part.xml': masterXml([record(9400011), noNumber, badSymbol]),
    });
    const result = await ingestCpcMasterFile({ pool, source: file });
    expect(result).toMatchObject({ status: 'partial', processed: 3, inserted: 2, failed: 1, warned: 1 });
    if (result.status === 'skipped') throw new Error('unexpected skip');
    expect(await errorsOf(result.jobId)).toEqual([
      // Without a grant number, the record is identified by its application number.
      { severity: 'error', error_type: 'validation', record_identifier: '13897484' },
      { severity: 'warning', error_type: 'validation', record_identifier: '9400010' },
    ]);
    const perRecord = independentRowCount(masterXml([SAMPLE_RECORD]));
    expect(await grantRows()).toEqual({ rows: 2 * perRecord - 1, docs: 2, snapshots: 1 });
  });

  it('keeps the published month when a load fails (error-rate abort, broken XML)', async () => {
    const before = await grantRows();
    const bad = masterXml([
      record(9400020).replace(/<pat:PatentNumber>\d+<\/pat:PatentNumber>/, ''),
      record(9400021),
    ]);
    const aborted = await ingestCpcMasterFile({
      pool,
      source: await zip('US_Grant_CPC_MCF_XML_2025-04-01.zip', { 'a.xml': bad }),
      thresholds: { maxErrors: 0, maxErrorRate: 0.05, maxErrorRows: 10 },
      batchSize: 1,
    });
    expect(aborted).toMatchObject({ status: 'failed', errorClass: 'data' });
    const broken = await ingestCpcMasterFile({
      pool,
      source: await zip('US_Grant_CPC_MCF_XML_2025-05-01.zip', {
        'a.xml': masterXml([record(1)]).slice(0, 900),
      }),
    });
    expect(broken).toMatchObject({ status: 'failed', errorClass: 'data' });
    expect(await grantRows()).toEqual(before);
    const { rows: leftovers } = await pool.query(
      `SELECT relname FROM pg_class WHERE relname LIKE 'patent_cpc_codes_grant_s%' AND relkind = 'r'`,
    );
    expect(leftovers).toHaveLength(1);
  });

  it('loads an application file keyed by application number', async () => {
    const application = SAMPLE_RECORD.replace(
      /<pat:PatentGrantIdentification>[\s\S]*?<\/pat:PatentGrantIdentification>/,
      '<pat:PatentPublicationIdentification><com:IPOfficeCode>US</com:IPOfficeCode><pat:PublicationNumber>20140123456</pat:PublicationNumber><com:PatentDocumentKindCode>A1</com:PatentDocumentKindCode><pat:PublicationDate>2014-05-08</pat:PublicationDate></pat:PatentPublicationIdentification>',
    );
    const file = path.join(dir, 'US_PGPub_CPC_MCF_XML_2025-01-01.xml');
    await writeFile(file, masterXml([application]));
    expect(await ingestCpcMasterFile({ pool, source: file })).toMatchObject({
      status: 'success',
      inserted: 1,
    });
    const { rows } = await pool.query(
      `SELECT DISTINCT doc_num, pgpub_doc_num FROM patent_cpc_codes WHERE doc_type = 'application'`,
    );
    expect(rows).toEqual([{ doc_num: '13897484', pgpub_doc_num: '20140123456' }]);
  });

  it('re-runs the same month as all unchanged and keeps the published snapshot as it was', async () => {
    const file = await zip('US_Grant_CPC_MCF_XML_2025-06-01.zip', {
      'a.xml': MASTER,
      'b.xml': masterXml([record(9600001), record(9600002, '70')]),
    });
    expect(await ingestCpcMasterFile({ pool, source: file })).toMatchObject({
      status: 'success',
      processed: 3,
    });
    const before = await publishedGrants();

    const again = await ingestCpcMasterFile({ pool, source: file });
    expect(again).toMatchObject({
      status: 'success',
      processed: 3,
      inserted: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
      failed: 0,
    });
    expect(await publishedGrants()).toEqual(before);
    expect(await jobRow(again)).toEqual({
      records_processed: 3,
      records_inserted: 0,
      records_updated: 0,
      records_unchanged: 3,
      published: false,
      removed: 0,
    });
  });

  it('counts a changed month exactly against the published one: one updated, one added, one removed', async () => {
    // Follows the previous test's month: 9400000 (the sample), 9600001 and 9600002.
    const file = await zip('US_Grant_CPC_MCF_XML_2025-07-01.zip', {
      'a.xml': MASTER,
      'b.xml': masterXml([record(9600001, '70'), record(9600003)]),
    });
    const result = await ingestCpcMasterFile({ pool, source: file });
    expect(result).toMatchObject({
      status: 'success',
      processed: 3,
      inserted: 1,
      updated: 1,
      unchanged: 1,
      skipped: 0,
      failed: 0,
    });
    expect(await jobRow(result)).toEqual({
      records_processed: 3,
      records_inserted: 1,
      records_updated: 1,
      records_unchanged: 1,
      published: true,
      removed: 1,
    });
    const { rows } = await pool.query(
      `SELECT doc_num, cpc_code FROM patent_cpc_codes WHERE doc_type = 'grant' AND symbol_position = 'F'
        ORDER BY doc_num`,
    );
    expect(rows).toEqual([
      { doc_num: '9400000', cpc_code: 'F04D29/703' },
      { doc_num: '9600001', cpc_code: 'F04D29/70' },
      { doc_num: '9600003', cpc_code: 'F04D29/703' },
    ]);
    expect((await grantRows()).snapshots).toBe(1);
  });
});

describe('CPC scheme', () => {
  const distinctSymbols = new Set([...SCHEME.matchAll(/<classification-symbol>([^<]+)</g)].map((m) => m[1]));
  const classifications = () =>
    pool
      .query<{ cpc_code: string; scheme_version: string; is_active: boolean }>(
        `SELECT cpc_code, scheme_version, is_active FROM cpc_classifications ORDER BY cpc_code`,
      )
      .then((r) => r.rows);

  it('upserts a release, re-runs it unchanged, and deactivates what a newer release dropped', async () => {
    const first = await ingestCpcSchemeFile({
      pool,
      source: await zip('CPCSchemeXML202501.zip', { 'cpc-scheme-A01L.xml': SCHEME }),
    });
    expect(first).toMatchObject({ status: 'success', inserted: distinctSymbols.size, updated: 0 });
    expect((await classifications()).map((row) => row.cpc_code).sort()).toEqual([...distinctSymbols].sort());

    const again = await ingestCpcSchemeFile({
      pool,
      source: await zip('CPCSchemeXML202501.zip', { 'cpc-scheme-A01L.xml': SCHEME }),
    });
    expect(again).toMatchObject({
      status: 'success',
      inserted: 0,
      updated: 0,
      unchanged: distinctSymbols.size,
    });

    const withoutLast = SCHEME.replace(
      /<classification-item[^>]*sort-key="A01L15\/00"[\s\S]*?<\/classification-item>/,
      '',
    );
    const next = await ingestCpcSchemeFile({
      pool,
      source: await zip('CPCSchemeXML202502.zip', { 'cpc-scheme-A01L.xml': withoutLast }),
    });
    expect(next).toMatchObject({ status: 'success', updated: distinctSymbols.size - 1 });
    const rows = await classifications();
    expect(rows.filter((row) => !row.is_active)).toEqual([
      { cpc_code: 'A01L15/00', scheme_version: '2025.01', is_active: false },
    ]);
    const { rows: config } = await pool.query(
      `SELECT config->>'schemeVersion' AS version FROM data_sources WHERE key = 'cpc_scheme'`,
    );
    expect(config).toEqual([{ version: '2025.02' }]);
  });

  it('a release without scheme XML loads from its title list, with the parents the dots give', async () => {
    const server = new TestFileServer();
    const base = await server.start();
    try {
      const titleList = await zip('CPCTitleList209905.zip', {
        'cpc-section-A_20990501.txt': [
          'A\t\tHUMAN NECESSITIES',
          'A01\t\tAGRICULTURE; FORESTRY; ANIMAL HUSBANDRY; HUNTING; TRAPPING; FISHING',
          'A01L\t\tSHOEING OF ANIMALS',
          'A01L1/00\t\tShoes for horses or other solipeds fastened with nails',
          'A01L1/02\t1\tShoes with hooks',
          'A01L1/04\t2\tSolid horseshoes consisting of multiple parts',
        ].join('\n'),
      });
      server.route('/sites/default/files/cpc/bulk/CPCTitleList209905.zip', {
        kind: 'ok',
        body: readFileSync(titleList),
      });
      const http = new HttpClient({
        maxRetries: 1,
        backoffBaseMs: 1,
        connectTimeoutMs: 5000,
        idleTimeoutMs: 5000,
      });
      const [loaded] = await ingestNewCpcScheme({
        pool,
        http,
        baseUrl: base,
        workDir: dir,
        today: '2099-06-10',
      });
      expect(loaded).toMatchObject({ status: 'success', processed: 6, failed: 0 });
      // This month has neither file; last month's XML is missing, so its title list is the release.
      expect(server.hits('/sites/default/files/cpc/bulk/CPCSchemeXML209905.zip')).toHaveLength(1);
      const { rows } = await pool.query(
        `SELECT cpc_code, parent_code, level, scheme_version FROM cpc_classifications
          WHERE cpc_code IN ('A', 'A01L1/00', 'A01L1/04') ORDER BY cpc_code`,
      );
      expect(rows).toEqual([
        { cpc_code: 'A', parent_code: null, level: 1, scheme_version: '2099.05' },
        { cpc_code: 'A01L1/00', parent_code: 'A01L', level: 4, scheme_version: '2099.05' },
        { cpc_code: 'A01L1/04', parent_code: 'A01L1/02', level: 6, scheme_version: '2099.05' },
      ]);
    } finally {
      await server.stop();
    }
  });

  it('skips a malformed item with an error and ends partial', async () => {
    const broken = SCHEME.replace('<classification-symbol>A01L9/00<', '<classification-symbol>9/00<');
    const result = await ingestCpcSchemeFile({
      pool,
      source: await zip('CPCSchemeXML202503.zip', { 'x.xml': broken }),
    });
    expect(result).toMatchObject({ status: 'partial', failed: 1 });
  });
});
