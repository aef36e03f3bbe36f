import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { pack as tarPack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { ingestionTestbed, loaded } from '../common/testbed';
import { normalizeEntityName } from '../common/entity-names';
import { HttpClient } from '../common/http-client';
import { TestFileServer } from '../common/test-file-server';
import type { JobSummary } from '../common/ingestion-job';
import { zipFile } from '../generator/assignment-xml';
import { applicationDocumentXml, grantDocumentXml, type PatentDocumentSpec } from './generator';
import { ingestBibliographicFile, ingestNewBibliographicFiles, type BibliographicFeed } from './ingest';

const samplesRoot = join(import.meta.dirname, '../../../../data/samples');

const bed = ingestionTestbed('biblio-int');

async function ingest(feed: BibliographicFeed, source: string, batchSize = 7): Promise<JobSummary> {
  return loaded(await ingestBibliographicFile({ pool: bed.pool, source, feed, batchSize }));
}

async function rows<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await bed.pool.query<T>(sql, values)).rows;
}

/** Independent count by text search: per document, its root, application number, inventors and assignees. */
function textFacts(text: string) {
  return text
    .split(/(?=<\?xml\s)/)
    .filter((part) => part.trim())
    .map((document) => ({
      patent: /<(us-patent-grant|us-patent-application)\s/.test(document),
      appno:
        /<application-reference[^>]*>\s*<document-id>\s*<country>US<\/country>\s*<doc-number>(\d+)</.exec(
          document,
        )?.[1],
      inventors:
        (document.match(/<inventor\s/g) ?? []).length ||
        (document.match(/app-type="applicant-inventor"/g) ?? []).length,
      assignees:
        (document.match(/<assignee>/g) ?? []).length ||
        (document.match(/applicant-authority-category="(obligated-)?assignee"/g) ?? []).length,
    }));
}

const tableDump = async () =>
  JSON.stringify([
    await rows('SELECT * FROM patents ORDER BY appno_doc_num'),
    await rows('SELECT * FROM inventors ORDER BY doc_type, doc_num, sequence'),
    await rows('SELECT * FROM entities ORDER BY name_key'),
  ]);

describe('weekly bibliographic ingestion', () => {
  const samples = ['uspto-grants', 'uspto-applications'].map((folder) => ({
    feed: (folder === 'uspto-grants' ? 'grants' : 'applications') as BibliographicFeed,
    folder,
  }));

  it.each(samples)(
    '$folder: every sample file loads with counts equal to an independent count',
    async ({ feed, folder }) => {
      for (const name of (await readdir(join(samplesRoot, folder))).sort()) {
        const path = join(samplesRoot, folder, name);
        const facts = textFacts(await readFile(path, 'utf8'));
        const patents = facts.filter((fact) => fact.patent);
        const distinct = new Map(patents.map((fact) => [fact.appno, fact]));
        const summary = await ingest(feed, path);
        expect(summary, name).toMatchObject({
          status: 'success',
          processed: facts.length,
          inserted: distinct.size,
          updated: 0,
          // The repeated document of the assembled file (USD0967598) is identical: one row, the repeat unchanged.
          unchanged: patents.length - distinct.size,
          skipped: facts.length - patents.length,
          failed: 0,
        });
        const [stored] = await rows<{ patents: number; inventors: number; assignees: number }>(
          `SELECT (SELECT count(*)::int FROM patents WHERE source_job_id = $1) AS patents,
                (SELECT count(*)::int FROM inventors WHERE source_job_id = $1) AS inventors,
                (SELECT coalesce(sum(cardinality(assignee_entity_ids)), 0)::int FROM patents WHERE source_job_id = $1) AS assignees`,
          [summary.jobId],
        );
        const expected = [...distinct.values()];
        expect(stored, name).toEqual({
          patents: distinct.size,
          inventors: expected.reduce((n, fact) => n + fact.inventors, 0),
          assignees: expected.reduce((n, fact) => n + fact.assignees, 0),
        });
      }
    },
  );

  it('a re-run of the same file changes nothing and reports every document unchanged', async () => {
    const path = join(samplesRoot, 'uspto-grants/ipg060103_small_25grants_2seqlists.xml');
    const before = await tableDump();
    const summary = await ingest('grants', path, 500);
    expect(summary).toMatchObject({
      status: 'success',
      processed: 27,
      inserted: 0,
      updated: 0,
      unchanged: 25,
      skipped: 2,
    });
    expect(await tableDump()).toBe(before);
    const [job] = await rows<{ records_unchanged: number; metadata: Record<string, unknown> }>(
      'SELECT records_unchanged, metadata FROM ingestion_jobs WHERE id = $1',
      [summary.jobId],
    );
    expect(job).toMatchObject({
      records_unchanged: 25,
      metadata: {
        documentsInFile: 27,
        nonPatentRoots: { 'sequence-cwu': 2 },
        dtdVersions: { 'v4.1 2005-08-25': 25 },
      },
    });
  });

  it('stores canonical numbers, inventors in order and face assignees as entities', async () => {
    const [patent] = await rows<Record<string, unknown>>(
      `SELECT appno_doc_num, appno_date::text, application_type, grant_doc_num, grant_date::text, grant_kind, title,
              claims_count, layout_id, (SELECT array_agg(e.name ORDER BY k) FROM unnest(assignee_entity_ids)
              WITH ORDINALITY AS a(id, k) JOIN entities e ON e.id = a.id) AS assignees
         FROM patents WHERE grant_doc_num = 'RE49258'`,
    );
    expect(patent).toEqual({
      appno_doc_num: '15949385',
      appno_date: expect.any(String),
      application_type: 'reissue',
      grant_doc_num: 'RE49258',
      grant_date: '2022-10-25',
      grant_kind: 'E1',
      title: 'Vehicle control',
      claims_count: 38,
      layout_id: 15,
      assignees: [normalizeEntityName('JAGUAR LAND ROVER LIMITED').name],
    });
    const inventors = await rows<{ sequence: number; name: string }>(
      `SELECT sequence, name FROM inventors WHERE doc_type = 'grant' AND doc_num = '11646472' ORDER BY sequence`,
    );
    expect(inventors).toEqual([
      { sequence: 1, name: 'Visco, Steven J.' },
      { sequence: 2, name: 'Katz, Bruce D.' },
      { sequence: 3, name: 'Nimon, Yevgeniy S.' },
      { sequence: 4, name: 'De Jonghe, Lutgard C.' },
    ]);
    const [application] = await rows<Record<string, unknown>>(
      `SELECT pgpub_doc_num, pgpub_date::text, grant_doc_num, layout_id FROM patents WHERE appno_doc_num = '17718024'`,
    );
    expect(application).toEqual({
      pgpub_doc_num: '20220240350',
      pgpub_date: '2022-07-28',
      grant_doc_num: null,
      layout_id: 14,
    });
    const changes = await rows<{ key_type: string; n: number }>(
      `SELECT key_type::text, count(*)::int AS n FROM ingestion_changes WHERE key IN ('17718024', 'RE49258', '15949385')
        GROUP BY key_type ORDER BY key_type`,
    );
    expect(changes).toEqual([
      { key_type: 'appno', n: 2 },
      { key_type: 'grant', n: 1 },
    ]);
  });

  const spec = (overrides: Partial<PatentDocumentSpec> = {}): PatentDocumentSpec => ({
    docNumber: '20230000001',
    kind: 'A1',
    date: '20230105',
    applicationNumber: '17999001',
    filingDate: '20210301',
    title: 'Application title',
    inventors: [{ lastName: 'Smith', firstName: 'John A.', city: 'Austin', state: 'TX', country: 'US' }],
    assignees: [{ orgname: 'Acme Widgets, Inc.', country: 'US' }],
    ...overrides,
  });
  const writeFileOf = async (name: string, xml: string) => {
    const path = join(bed.workDir, name);
    await writeFile(path, xml);
    return path;
  };

  it('an application then its grant: the grant title and assignees win, a later publication run leaves them', async () => {
    const application = await writeFileOf('ipa230105.xml', applicationDocumentXml(spec()));
    expect(await ingest('applications', application)).toMatchObject({ inserted: 1 });
    const grant = grantDocumentXml(
      spec({
        docNumber: '11999001',
        kind: 'B2',
        date: '20240102',
        title: 'Grant title',
        assignees: [{ orgname: 'Acme Holdings LLC' }],
        inventors: [
          { lastName: 'Smith', firstName: 'John A.', city: 'Austin', state: 'TX', country: 'US' },
          { lastName: 'Doe', firstName: 'Jane' },
        ],
        claims: 12,
      }),
    );
    expect(await ingest('grants', await writeFileOf('ipgb20240102.xml', grant))).toMatchObject({
      inserted: 0,
      updated: 1,
    });
    expect(await ingest('applications', application)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    const [row] = await rows<Record<string, unknown>>(
      `SELECT p.title, p.pgpub_doc_num, p.grant_doc_num, p.claims_count, p.layout_id,
              (SELECT array_agg(e.name) FROM entities e WHERE e.id = ANY(p.assignee_entity_ids)) AS assignees
         FROM patents p WHERE appno_doc_num = '17999001'`,
    );
    expect(row).toEqual({
      title: 'Grant title',
      pgpub_doc_num: '20230000001',
      grant_doc_num: '11999001',
      claims_count: 12,
      layout_id: 15,
      assignees: [normalizeEntityName('Acme Holdings LLC').name],
    });
    const inventors = await rows<{ doc_type: string; doc_num: string; n: number }>(
      `SELECT doc_type::text, doc_num, count(*)::int AS n FROM inventors WHERE doc_num IN ('17999001', '11999001')
        GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(inventors).toEqual([
      { doc_type: 'application', doc_num: '17999001', n: 1 },
      { doc_type: 'grant', doc_num: '11999001', n: 2 },
    ]);
  });

  it('a changed inventor list alone makes the document updated and replaces its inventors', async () => {
    const base = spec({
      docNumber: '11999002',
      kind: 'B1',
      applicationNumber: '17999002',
      title: 'Same title',
    });
    await ingest('grants', await writeFileOf('ipgb20240109.xml', grantDocumentXml(base)));
    const changed = { ...base, inventors: [{ lastName: 'Smith', firstName: 'Jon', country: 'US' }] };
    const summary = await ingest('grants', await writeFileOf('ipgb20240116.xml', grantDocumentXml(changed)));
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(
      await rows(`SELECT name, city FROM inventors WHERE doc_type = 'grant' AND doc_num = '11999002'`),
    ).toEqual([{ name: 'Smith, Jon', city: null }]);
  });

  it('a grant adopts a grant-only row already holding its number', async () => {
    const [orphan] = await rows<{ id: string }>(
      `INSERT INTO patents (grant_doc_num, maintenance_status) VALUES ('11999003', 'paid') RETURNING id`,
    );
    const grant = grantDocumentXml(
      spec({ docNumber: '11999003', kind: 'B2', applicationNumber: '17999003' }),
    );
    expect(await ingest('grants', await writeFileOf('ipgb20240123.xml', grant))).toMatchObject({
      updated: 1,
      failed: 0,
    });
    expect(
      await rows(
        `SELECT id, appno_doc_num, maintenance_status::text FROM patents WHERE grant_doc_num = '11999003'`,
      ),
    ).toEqual([{ id: orphan!.id, appno_doc_num: '17999003', maintenance_status: 'paid' }]);
  });

  it('bad documents go to ingestion_errors, the good ones load, the job ends partial', async () => {
    const good = (n: number) =>
      grantDocumentXml(spec({ docNumber: `1199910${n}`, kind: 'B2', applicationNumber: `1799910${n}` }));
    const truncated = good(9).slice(0, 600);
    const noApplication = good(8).replace(/<application-reference[\s\S]*?<\/application-reference>/, '');
    const path = await writeFileOf(
      'ipgb20240130.xml',
      good(1) + truncated + '\n' + good(2) + noApplication + good(3),
    );
    const summary = await ingest('grants', path);
    expect(summary).toMatchObject({ status: 'partial', processed: 5, inserted: 3, failed: 2 });
    const errors = await rows(
      `SELECT severity::text, error_type::text, record_identifier, location FROM ingestion_errors
        WHERE ingestion_job_id = $1 ORDER BY location`,
      [summary.jobId],
    );
    expect(errors).toEqual([
      { severity: 'error', error_type: 'parse', record_identifier: '11999109', location: 'document 2' },
      { severity: 'error', error_type: 'validation', record_identifier: '11999108', location: 'document 4' },
    ]);
    expect(
      await rows(`SELECT grant_doc_num FROM patents WHERE grant_doc_num LIKE '1199910_' ORDER BY 1`),
    ).toEqual([{ grant_doc_num: '11999101' }, { grant_doc_num: '11999102' }, { grant_doc_num: '11999103' }]);
  });

  it('reads a ZIP container like the plain file', async () => {
    const xml = grantDocumentXml(spec({ docNumber: '11999201', kind: 'B2', applicationNumber: '17999201' }));
    const zipPath = join(bed.workDir, 'ipgb20240206_wk06.zip');
    await zipFile(await writeFileOf('ipgb20240206.xml', xml), zipPath);
    const summary = await ingest('grants', zipPath);
    expect(summary).toMatchObject({ status: 'success', inserted: 1 });
    const [file] = await rows<{ file_date: string }>(
      `SELECT f.file_date::text FROM ingestion_files f JOIN ingestion_jobs j ON j.ingestion_file_id = f.id WHERE j.id = $1`,
      [summary.jobId],
    );
    expect(file).toEqual({ file_date: '2024-02-06' });
  });

  const tarOf = async (name: string, members: [string, string][]) => {
    const tar = tarPack();
    for (const [member, content] of members) tar.entry({ name: member }, content);
    tar.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of tar) chunks.push(chunk as Buffer);
    const path = join(bed.workDir, name);
    await writeFile(path, Buffer.concat(chunks));
    return path;
  };

  it('streams the XML member of a TAR container, and a truncated TAR fails the job as a data error', async () => {
    const xml = grantDocumentXml(
      spec({ docNumber: '11999301', kind: 'B2', applicationNumber: '17999301', citations: 40 }),
    );
    const path = await tarOf('ipg240213.tar', [
      ['README.txt', 'weekly grant file\n'],
      ['ipg240213.xml', xml],
    ]);
    expect(await ingest('grants', path)).toMatchObject({ status: 'success', inserted: 1 });

    const whole = await readFile(
      await tarOf('ipg240220.tar', [['ipg240220.xml', xml.replace(/1999301/g, '1999302')]]),
    );
    const truncated = join(bed.workDir, 'ipg240220_cut.tar');
    await writeFile(truncated, whole.subarray(0, 512 + 1024));
    const failed = await ingest('grants', truncated);
    expect(failed).toMatchObject({ status: 'failed', errorClass: 'data', inserted: 0 });
    expect(await rows(`SELECT 1 FROM patents WHERE grant_doc_num = '11999302'`)).toEqual([]);
  });
});

describe('polling the weekly grant product for new files', () => {
  it('loads new weeks oldest first and goes on past a week that does not load', async () => {
    const server = new TestFileServer();
    const base = await server.start();
    try {
      const weeks = ['ipgb20240102_wk01.zip', 'ipgb20240109_wk02.zip'];
      const zipPath = join(bed.workDir, weeks[1]!);
      await zipFile(join(samplesRoot, 'uspto-grants/ipg211019_US11147202-US11147203.xml'), zipPath);
      const body = await readFile(zipPath);
      // The older week cannot be fetched: a permanent error for that file only.
      server.route(`/files/${weeks[0]}`, { kind: 'status', status: 400 });
      server.route(`/files/${weeks[1]}`, { kind: 'ok', body });
      const fileDataBag = [...weeks].reverse().map((fileName) => ({
        fileName,
        fileSize: body.length,
        fileDownloadURI: server.url(`/files/${fileName}`),
      }));
      server.routeProductListing('PTBLXML', fileDataBag);
      const http = new HttpClient({
        maxRetries: 1,
        backoffBaseMs: 1,
        connectTimeoutMs: 5000,
        idleTimeoutMs: 5000,
      });

      const results = await ingestNewBibliographicFiles({
        pool: bed.pool,
        http,
        baseUrl: base,
        feed: 'grants',
        workDir: bed.workDir,
        trigger: 'cron',
        today: '2024-01-10',
      });
      expect(results).toMatchObject([
        { status: 'failed', errorClass: 'permanent' },
        { status: 'success', processed: 2 },
      ]);
      expect(
        await rows(
          `SELECT file_name, status, attempts FROM ingestion_files WHERE file_name = ANY($1) ORDER BY file_name`,
          [weeks],
        ),
      ).toEqual([
        { file_name: weeks[0], status: 'failed', attempts: 1 },
        { file_name: weeks[1], status: 'processed', attempts: 1 },
      ]);
    } finally {
      await server.stop();
    }
  });
});
