import type pg from 'pg';
import type { Logger } from '@patentrack/shared';
import { IngestionError } from '../common/errors';
import {
  runFileIngestion,
  type FileIngestionOptions,
  type FileIngestionResult,
} from '../common/file-ingestion';
import type { BatchCounts, IngestionJob } from '../common/ingestion-job';
import type { FileToIngest } from '../common/file-discovery';
import type { HttpClient } from '../common/http-client';
import type { ProgressListener } from '../common/progress';
import { DEFAULT_READER_LIMITS, sourceEntries, type SourceReaderLimits } from '../common/source-reader';
import { SchemeParser, type SchemeEntryParser, type SchemeRow } from './scheme-parser';
import { TitleListParser } from './title-list-parser';

export const CPC_SCHEME_SOURCE_KEY = 'cpc_scheme';

/** `CPCSchemeXML202501.zip` → `2025.01`, the `scheme_version` of the release. */
export function cpcSchemeVersion(fileName: string): string | null {
  const match = /^CPC(?:SchemeXML|TitleList)(\d{4})(\d{2})/i.exec(fileName);
  return match ? `${match[1]}.${match[2]}` : null;
}

/** The release month as a file date: `CPCSchemeXML202501.zip` → `2025-01-01`. */
export function cpcSchemeFileDate(fileName: string): string | null {
  return cpcSchemeVersion(fileName)?.replace('.', '-').concat('-01') ?? null;
}

export interface IngestCpcSchemeOptions extends FileIngestionOptions {
  /** `YYYY.MM`; taken from the file name, else from the first entry's `publication-date`. */
  schemeVersion?: string;
  batchSize?: number;
  limits?: SourceReaderLimits;
  onProgress?: ProgressListener;
}

/**
 * Loads a CPC scheme release (ingestion.md §3.4 a): every `cpc-scheme-*.xml` entry — or, for a title list, every
 * `cpc-section-*.txt` entry — streamed, rows upserted by
 * `cpc_code` with the release's version, then the symbols the release no longer has are deactivated (never
 * deleted) and the version is stored in `data_sources.config.schemeVersion`.
 */
export function ingestCpcSchemeFile(options: IngestCpcSchemeOptions): Promise<FileIngestionResult> {
  return runFileIngestion(CPC_SCHEME_SOURCE_KEY, options, cpcSchemeFileDate, (job, path, logger) =>
    loadScheme(job, path, options, logger),
  );
}

export interface IngestNewCpcSchemeOptions extends Omit<
  IngestCpcSchemeOptions,
  'source' | 'fileName' | 'fileDate' | 'http' | 'schemeVersion'
> {
  http: HttpClient;
  /** `CPC_SCHEME_BASE_URL`. */
  baseUrl: string;
  /** Today's date (`YYYY-MM-DD`), injectable for tests. */
  today?: string;
  onFileIngested?: (file: FileToIngest, result: FileIngestionResult) => Promise<void>;
}

/** How far back a poll looks for a release (ingestion.md §2.2). */
const MONTHS_BACK = 6;

/**
 * One poll of the scheme (`ingest:cpc-scheme`, ingestion.md §2.2): `HEAD` the release of this month and the six
 * before, newest first, and load the newest one newer than `config.schemeVersion` — its scheme XML, or its title
 * list when the month has no XML. Older releases are never loaded: the newest is a full scheme. A failed load leaves the version as it was, so the next poll retries.
 */
export async function ingestNewCpcScheme(options: IngestNewCpcSchemeOptions): Promise<FileIngestionResult[]> {
  const { rows } = await options.pool.query<{ id: string; version: string | null }>(
    `SELECT id, config->>'schemeVersion' AS version FROM data_sources WHERE key = $1`,
    [CPC_SCHEME_SOURCE_KEY],
  );
  if (!rows[0]) throw new IngestionError('permanent', `Unknown data source '${CPC_SCHEME_SOURCE_KEY}'`);
  const loaded = rows[0].version ?? '';
  const today = new Date(`${options.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  for (let back = 0; back <= MONTHS_BACK; back++) {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const yyyymm = month.toISOString().slice(0, 7).replace('-', '');
    // Versions compare as text: `YYYY.MM`.
    if (cpcSchemeVersion(`CPCSchemeXML${yyyymm}`)! <= loaded) break;
    const release = await firstPublished(options, [`CPCSchemeXML${yyyymm}.zip`, `CPCTitleList${yyyymm}.zip`]);
    if (!release) continue;
    const { fileName, url } = release;
    const result = await ingestCpcSchemeFile({ ...options, source: url, fileName });
    if (result.status === 'skipped') return [result];
    // The load recorded the release in the file ledger.
    const { rows: ledger } = await options.pool.query<{ id: string }>(
      `SELECT id FROM ingestion_files WHERE data_source_id = $1 AND file_name = $2`,
      [rows[0].id, fileName],
    );
    const fileDate = cpcSchemeFileDate(fileName);
    await options.onFileIngested?.(
      { fileId: ledger[0]!.id, fileName, fileDate, url, sizeBytes: null },
      result,
    );
    return [result];
  }
  await options.pool.query(`UPDATE data_sources SET last_run_at = now() WHERE id = $1`, [rows[0].id]);
  return [];
}

/** The first of a release's files the bulk page has (the scheme XML, else its title list, §3.4 a). */
async function firstPublished(
  options: Pick<IngestNewCpcSchemeOptions, 'http' | 'baseUrl'>,
  fileNames: readonly string[],
): Promise<{ fileName: string; url: string } | null> {
  for (const fileName of fileNames) {
    const url = new URL(`/sites/default/files/cpc/bulk/${fileName}`, options.baseUrl).toString();
    if (await options.http.exists(url)) return { fileName, url };
  }
  return null;
}

const CONTENT_COLUMNS = [
  'section',
  'class_code',
  'subclass',
  'main_group',
  'subgroup',
  'parent_code',
  'level',
  'title',
  'not_allocatable',
] as const;

/**
 * Upserts one batch. A row changes only when its content, version or activity differs, so re-loading the same
 * release counts every row unchanged. The parent FK is deferred: parents come first in file order anyway.
 */
async function writeSchemeBatch(
  client: pg.PoolClient,
  rows: SchemeRow[],
  version: string,
): Promise<BatchCounts> {
  const { rows: written } = await client.query<{ inserted: boolean }>(
    `INSERT INTO cpc_classifications (cpc_code, ${CONTENT_COLUMNS.join(', ')}, scheme_version, is_active)
     SELECT u.*, $11, true
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                   $8::smallint[], $9::text[], $10::boolean[]) AS u
     ON CONFLICT (cpc_code) DO UPDATE SET
       ${CONTENT_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')},
       scheme_version = EXCLUDED.scheme_version, is_active = true, updated_at = now()
     WHERE (${CONTENT_COLUMNS.map((c) => `cpc_classifications.${c}`).join(', ')},
            cpc_classifications.scheme_version, cpc_classifications.is_active)
           IS DISTINCT FROM (${CONTENT_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')}, EXCLUDED.scheme_version, true)
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map((r) => r.cpcCode),
      rows.map((r) => r.section),
      rows.map((r) => r.classCode),
      rows.map((r) => r.subclass),
      rows.map((r) => r.mainGroup),
      rows.map((r) => r.subgroup),
      rows.map((r) => r.parentCode),
      rows.map((r) => r.level),
      rows.map((r) => r.title),
      rows.map((r) => r.notAllocatable),
      version,
    ],
  );
  const inserted = written.filter((row) => row.inserted).length;
  return {
    inserted,
    updated: written.length - inserted,
    unchanged: rows.length - written.length,
    skipped: 0,
  };
}

/** `2016-05-01` → `2016.05`. */
const versionOfDate = (date: string | undefined) =>
  /^(\d{4})-(\d{2})/
    .exec(date ?? '')
    ?.slice(1, 3)
    .join('.') ?? null;

async function loadScheme(
  job: IngestionJob,
  path: string,
  options: IngestCpcSchemeOptions,
  logger: Logger | undefined,
): Promise<Record<string, unknown>> {
  const batchSize = options.batchSize ?? 500;
  const fileName = options.fileName ?? path.split('/').pop() ?? path;
  let version = options.schemeVersion ?? cpcSchemeVersion(fileName);
  const pending: SchemeRow[] = [];
  // Within a release a symbol belongs to one subclass file; a repeat is kept once (the first).
  const seen = new Set<string>();
  let entries = 0;
  let bytesRead = 0;
  const flush = async (rows: SchemeRow[]) => {
    await job.commitBatch(
      rows,
      (client, batch) => writeSchemeBatch(client, batch, version!),
      (row) => ({ identifier: row.cpcCode, raw: row }),
    );
    options.onProgress?.({ bytesRead, bytesTotal: 0, records: job.counters.processed });
  };
  // A title list (the fallback release file) holds text entries; a scheme release, XML ones.
  const titleList = /TitleList/i.test(fileName);
  for await (const entry of sourceEntries(
    path,
    titleList ? /\.txt$/i : /\.xml$/i,
    options.limits ?? DEFAULT_READER_LIMITS,
  )) {
    entries += 1;
    const parser: SchemeEntryParser = titleList
      ? new TitleListParser(entry.name)
      : new SchemeParser(entry.name);
    const decoder = new TextDecoder('utf-8');
    const take = () => {
      for (const issue of parser.issues.splice(0)) job.reportIssue(issue);
      for (const row of parser.rows.splice(0)) {
        if (seen.has(row.cpcCode)) job.countSkipped(1);
        else {
          seen.add(row.cpcCode);
          pending.push(row);
        }
      }
      version ??= versionOfDate(parser.publicationDate);
      if (pending.length > 0 && !version) {
        throw IngestionError.data(`${fileName}: no scheme version in the file name or publication-date`);
      }
    };
    try {
      for await (const chunk of entry.stream) {
        bytesRead += (chunk as Buffer).length;
        parser.write(decoder.decode(chunk as Buffer, { stream: true }));
        take();
        while (pending.length >= batchSize) await flush(pending.splice(0, batchSize));
      }
    } catch (error) {
      if (error instanceof IngestionError) throw error;
      throw IngestionError.data(`Cannot read ${entry.name}: ${(error as Error).message}`);
    }
    parser.write(decoder.decode());
    parser.close();
    take();
  }
  if (pending.length > 0) await flush(pending.splice(0));
  await job.flushIssues();
  if (seen.size === 0) throw IngestionError.data(`${fileName} holds no classification item`);
  const deactivated = await job.transaction(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE cpc_classifications SET is_active = false, updated_at = now()
        WHERE is_active AND scheme_version <> $1`,
      [version],
    );
    await client.query(
      `UPDATE data_sources SET config = coalesce(config, '{}'::jsonb) || jsonb_build_object('schemeVersion', $2::text)
        WHERE id = $1`,
      [job.dataSourceId, version],
    );
    return rowCount ?? 0;
  });
  logger?.info({ schemeVersion: version, entries, deactivated }, 'CPC scheme loaded');
  return { schemeVersion: version, entries, deactivated };
}
