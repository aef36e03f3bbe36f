import { readFile, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { ingestionTestbed, loaded } from '../common/testbed';
import { HttpClient } from '../common/http-client';
import type { JobSummary } from '../common/ingestion-job';
import { TestFileServer } from '../common/test-file-server';
import { maintenanceFileText, maintenanceLine } from './generator';
import { ingestMaintenanceFile, ingestNewMaintenanceFiles } from './ingest';

const samples = join(import.meta.dirname, '../../../../data/samples/uspto-maintenance');
const CURRENT = join(samples, 'MaintFeeEvents_20250428_sample.txt');
const LEGACY = join(samples, 'MaintFeeEvents_20150223_legacy_sample.txt');
const DESCRIPTIONS = join(samples, 'MaintFeeEventsDesc_sample.txt');

const bed = ingestionTestbed('maintenance-int');

async function ingest(source: string, batchSize = 7): Promise<JobSummary> {
  return loaded(await ingestMaintenanceFile({ pool: bed.pool, source, batchSize }));
}

async function rows<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await bed.pool.query<T>(sql, values)).rows;
}

/** Independent reading of a sample: a regular expression over each line, not the column slicer. */
async function textFacts(path: string) {
  const events = (await readFile(path, 'latin1'))
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => {
      const match = / *0*([A-Z]{0,2}\d+) (\d{8}) [YNM ] \d{8} \d{8} (\d{8}) (\S{1,5}) *$/.exec(line);
      if (!match) throw new Error(`sample line not understood: ${line}`);
      return { patent: match[1]!, key: `${match[1]}|${match[3]}|${match[4]}`, code: match[4]! };
    });
  return {
    lines: events.length,
    keys: new Set(events.map((e) => e.key)).size,
    patents: new Set(events.map((e) => e.patent)),
    codes: new Set(events.map((e) => e.code)),
  };
}

const eventsDump = async () =>
  JSON.stringify([
    await rows('SELECT * FROM maintenance_fee_events ORDER BY grant_doc_num, event_date, event_code'),
    await rows('SELECT * FROM maintenance_fee_event_codes ORDER BY event_code'),
    await rows('SELECT grant_doc_num, maintenance_status, updated_at FROM patents ORDER BY grant_doc_num'),
  ]);

async function zipOf(name: string, entries: [string, string | Buffer][]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [entry, content] of entries) zip.addBuffer(Buffer.from(content), entry);
  zip.end();
  const path = join(bed.workDir, name);
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

describe('weekly maintenance-fee ingestion', () => {
  it('the sample loads with counts equal to an independent count, and sets maintenance status', async () => {
    // Granted patents known from the bibliographic feeds: their status follows the latest event.
    await bed.pool.query(
      `INSERT INTO patents (appno_doc_num, grant_doc_num) VALUES
         ('12345678', '8123456'), ('07654321', '5123456'), ('13897484', '9400000'), ('09999999', '9999999')`,
    );
    const { rows: seeded } = await bed.pool.query<{ event_code: string }>(
      `SELECT event_code FROM maintenance_fee_event_codes`,
    );
    const facts = await textFacts(CURRENT);
    const unknown = [...facts.codes].filter((code) => !seeded.some((row) => row.event_code === code));
    expect(unknown.length).toBeGreaterThan(0);

    const summary = await ingest(CURRENT);
    expect(summary).toMatchObject({
      status: 'success',
      processed: facts.lines,
      inserted: facts.keys,
      updated: 0,
      unchanged: 0,
      failed: 0,
      // One warning per code the lookup did not know.
      warned: unknown.length,
    });
    const [stored] = await rows<{ events: number; grants: number; changes: number; layout: string }>(
      `SELECT (SELECT count(*)::int FROM maintenance_fee_events WHERE source_job_id = $1) AS events,
              (SELECT count(DISTINCT grant_doc_num)::int FROM maintenance_fee_events WHERE source_job_id = $1) AS grants,
              (SELECT count(*)::int FROM ingestion_changes WHERE ingestion_job_id = $1 AND key_type = 'grant') AS changes,
              (SELECT metadata->>'layout' FROM ingestion_jobs WHERE id = $1) AS layout`,
      [summary.jobId],
    );
    expect(stored).toEqual({
      events: facts.keys,
      grants: facts.patents.size,
      changes: facts.patents.size,
      layout: 'current',
    });
    expect(
      await rows(
        `SELECT event_code, effect::text FROM maintenance_fee_event_codes WHERE event_code = ANY($1) ORDER BY 1`,
        [unknown],
      ),
    ).toEqual(unknown.sort().map((event_code) => ({ event_code, effect: 'other' })));
    expect(
      await rows(
        `SELECT event_date::text, event_code, appno_doc_num, entity_status, filing_date::text, grant_date::text,
                fee_amount FROM maintenance_fee_events WHERE grant_doc_num = '4291808'`,
      ),
    ).toEqual([
      {
        event_date: '1985-10-31',
        event_code: 'EXP.',
        appno_doc_num: '06215853',
        entity_status: 'N',
        filing_date: '1980-12-12',
        grant_date: '1981-09-29',
        fee_amount: null,
      },
    ]);
    // 8123456: reinstated and paid after expiry; 5123456: expired; 9400000: reminder after the 4-year payment.
    expect(await rows(`SELECT grant_doc_num, maintenance_status::text FROM patents ORDER BY 1`)).toEqual([
      { grant_doc_num: '5123456', maintenance_status: 'expired' },
      { grant_doc_num: '8123456', maintenance_status: 'paid' },
      { grant_doc_num: '9400000', maintenance_status: 'due' },
      { grant_doc_num: '9999999', maintenance_status: 'unknown' },
    ]);
  });

  it('a re-run of the same file changes nothing and reports every line unchanged', async () => {
    const facts = await textFacts(CURRENT);
    const before = await eventsDump();
    const summary = await ingest(CURRENT, 500);
    expect(summary).toMatchObject({
      status: 'success',
      processed: facts.lines,
      inserted: 0,
      updated: 0,
      unchanged: facts.keys,
      failed: 0,
      warned: 0,
    });
    expect(await eventsDump()).toEqual(before);
    expect(
      await rows(`SELECT 1 FROM ingestion_changes WHERE ingestion_job_id = $1`, [summary.jobId]),
    ).toEqual([]);
  });

  it('reads the older 7-character layout', async () => {
    const facts = await textFacts(LEGACY);
    const summary = await ingest(LEGACY);
    // Its real first row is the second real row of the current sample: the same event, already stored.
    expect(summary).toMatchObject({
      status: 'success',
      processed: facts.lines,
      inserted: facts.keys - 1,
      unchanged: 1,
      failed: 0,
    });
    expect(
      await rows(`SELECT metadata->>'layout' AS layout FROM ingestion_jobs WHERE id = $1`, [summary.jobId]),
    ).toEqual([{ layout: 'legacy' }]);
    expect(
      await rows(`SELECT event_code FROM maintenance_fee_events WHERE grant_doc_num = 'D400000'`),
    ).toEqual([{ event_code: 'EXP.' }]);
  });

  it('corrupted lines go to ingestion_errors, the rest loads and the job ends partial', async () => {
    const good = (patent: string, eventDate: string) =>
      maintenanceLine({
        patent,
        appno: '16000001',
        entity: 'N',
        filingDate: '20180101',
        grantDate: '20200107',
        eventDate,
        code: 'M1551',
      });
    const lines = [
      good('10600001', '20230710'),
      good('10600002', '20230710').slice(0, 40),
      good('10600003', '20230710').replace('0000010600003', '00000106000X3'),
      good('10600004', '20230231'),
      `${good('10600005', '20230710').slice(0, 52)}     `,
      good('10600006', '20230710').replace('20180101', '20181301'),
      '',
      good('10600007', '20230710'),
    ];
    // Enough good lines for the layout to stand out from the bad ones.
    for (let i = 10; i < 60; i++) lines.push(good(`106001${i}`, '20230711'));
    const path = join(bed.workDir, 'MaintFeeEvents_20230717.txt');
    await writeFile(path, maintenanceFileText(lines));
    const summary = await ingest(path);
    expect(summary).toMatchObject({ status: 'partial', processed: 57, inserted: 53, failed: 4, warned: 1 });
    expect(
      await rows(
        `SELECT severity::text, error_type::text, record_identifier, location FROM ingestion_errors
          WHERE ingestion_job_id = $1 ORDER BY location`,
        [summary.jobId],
      ),
    ).toEqual([
      { severity: 'error', error_type: 'parse', record_identifier: null, location: 'line 2' },
      { severity: 'error', error_type: 'validation', record_identifier: '00000106000X3', location: 'line 3' },
      { severity: 'error', error_type: 'validation', record_identifier: '10600004', location: 'line 4' },
      { severity: 'error', error_type: 'validation', record_identifier: '10600005', location: 'line 5' },
      { severity: 'warning', error_type: 'validation', record_identifier: '10600006', location: 'line 6' },
    ]);
    expect(
      await rows(
        `SELECT grant_doc_num, filing_date::text FROM maintenance_fee_events WHERE grant_doc_num IN ('10600001', '10600006', '10600007') ORDER BY 1`,
      ),
    ).toEqual([
      { grant_doc_num: '10600001', filing_date: '2018-01-01' },
      { grant_doc_num: '10600006', filing_date: null },
      { grant_doc_num: '10600007', filing_date: '2018-01-01' },
    ]);
  });

  it('a file neither layout reads fails as a data error without loading anything', async () => {
    const path = join(bed.workDir, 'MaintFeeEvents_20230724.txt');
    await writeFile(path, '4291808\t06215853\tN\t19801212\t19810929\t19851031\tEXP.\r\n'.repeat(20));
    const summary = await ingest(path);
    expect(summary).toMatchObject({ status: 'failed', errorClass: 'data', processed: 0 });
    expect(summary.errorMessage).toContain('layout not recognised');
  });

  it('a ZIP with the code list refreshes descriptions first, never the curated effect', async () => {
    await bed.pool.query(
      `UPDATE maintenance_fee_event_codes SET effect = 'surcharge' WHERE event_code = 'M1555'`,
    );
    const events = maintenanceLine({
      patent: '10700001',
      appno: '16000002',
      entity: 'Y',
      filingDate: '20180101',
      grantDate: '20200107',
      eventDate: '20230801',
      code: 'M2551',
    });
    const path = await zipOf('MaintFeeEvents_20230807.zip', [
      ['MaintFeeEventsDesc_20230807.txt', await readFile(DESCRIPTIONS)],
      ['MaintFeeEvents_20230807.txt', maintenanceFileText([events])],
    ]);
    const summary = await ingest(path);
    expect(summary).toMatchObject({ status: 'success', inserted: 1, warned: 0 });
    expect(
      await rows(
        `SELECT event_code, description, effect::text FROM maintenance_fee_event_codes WHERE event_code IN ('M1555', 'EXP.', 'BIG.') ORDER BY 1`,
      ),
    ).toEqual([
      {
        event_code: 'BIG.',
        description: 'Entity Status Set To Undiscounted (Initial Default Setting or Status Change)',
        effect: 'other',
      },
      { event_code: 'EXP.', description: 'Expire Patent', effect: 'expiry' },
      {
        event_code: 'M1555',
        description: '7.5 yr surcharge - late pmt w/in 6 mo, Large Entity',
        effect: 'surcharge',
      },
    ]);
    const [file] = await rows<{ file_date: string; entry: string }>(
      `SELECT f.file_date::text, j.metadata->>'entryName' AS entry FROM ingestion_files f
         JOIN ingestion_jobs j ON j.ingestion_file_id = f.id WHERE j.id = $1`,
      [summary.jobId],
    );
    expect(file).toEqual({ file_date: '2023-08-07', entry: 'MaintFeeEvents_20230807.txt' });
  });
});

describe('polling the weekly maintenance product', () => {
  it('loads only the newest snapshot once; an older unprocessed one is superseded', async () => {
    const server = new TestFileServer();
    const base = await server.start();
    try {
      const weeks = ['MaintFeeEvents_20250421.zip', 'MaintFeeEvents_20250428.zip'];
      const newest = await readFile(
        await zipOf(weeks[1]!, [['MaintFeeEvents_20250428.txt', await readFile(CURRENT)]]),
      );
      server.route(`/files/${weeks[0]}`, { kind: 'status', status: 500 });
      server.route(`/files/${weeks[1]}`, { kind: 'ok', body: newest });
      const fileDataBag = [...weeks, 'MaintFeeEventsFileDocumentation.doc'].map((fileName) => ({
        fileName,
        fileSize: newest.length,
        fileDownloadURI: server.url(`/files/${fileName}`),
      }));
      server.routeProductListing('PTMNFEE2', fileDataBag);
      const http = new HttpClient({
        maxRetries: 1,
        backoffBaseMs: 1,
        connectTimeoutMs: 5000,
        idleTimeoutMs: 5000,
      });
      const poll = () =>
        ingestNewMaintenanceFiles({
          pool: bed.pool,
          http,
          baseUrl: base,
          workDir: bed.workDir,
          trigger: 'cron',
          today: '2025-04-30',
        });

      const facts = await textFacts(CURRENT);
      expect(await poll()).toMatchObject([{ status: 'success', processed: facts.lines }]);
      expect(await poll()).toEqual([]);
      expect(server.hits(`/files/${weeks[1]}`)).toHaveLength(1);
      expect(server.hits(`/files/${weeks[0]}`)).toHaveLength(0);
      expect(server.hits('/api/v1/datasets/products/PTMNFEE2')).toHaveLength(2);
      expect(
        await rows(
          `SELECT file_name, status::text FROM ingestion_files WHERE file_name = ANY($1) ORDER BY 1`,
          [weeks],
        ),
      ).toEqual([
        { file_name: weeks[0], status: 'superseded' },
        { file_name: weeks[1], status: 'processed' },
      ]);
    } finally {
      await server.stop();
    }
  });
});
