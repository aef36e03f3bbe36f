import type pg from 'pg';
import { z } from 'zod';
import type { Logger } from '@patentrack/shared';
import { IngestionError } from './errors';
import type { FileIngestionResult } from './file-ingestion';
import type { HttpClient } from './http-client';

/** One file of an ODP bulk product listing; unknown fields are ignored, missing required ones fail the poll. */
const listedFileSchema = z.object({
  fileName: z.string().min(1),
  fileSize: z.coerce.number().int().nonnegative().optional(),
  fileDownloadURI: z.string().url(),
  fileReleaseDate: z.string().optional(),
});

const productListingSchema = z.object({
  bulkDataProductBag: z.array(
    z.object({ productFileBag: z.object({ fileDataBag: z.array(listedFileSchema).default([]) }).optional() }),
  ),
});

export type ListedFile = z.infer<typeof listedFileSchema>;

/** A file chosen for ingestion, in the order it must be processed. */
export interface FileToIngest {
  fileId: string;
  fileName: string;
  fileDate: string | null;
  url: string;
  sizeBytes: number | null;
}

export interface DiscoverFilesOptions {
  sourceKey: string;
  /** `USPTO_ODP_BASE_URL`. */
  baseUrl: string;
  /** ODP product id (`PASDL`); defaults to the source's `data_sources.product_id`. */
  productId?: string;
  /** Extracts the file date (`YYYY-MM-DD`) from a file name matching the source's `file_pattern`. */
  fileDate: (fileName: string) => string | null;
  /** Incremental feeds take every new file; snapshot feeds only the newest (older ones become `superseded`). */
  mode: 'incremental' | 'snapshot';
  today: string;
  logger?: Logger;
}

const DAY_MS = 86_400_000;
const MAX_FAILED_ATTEMPTS = 3;

/**
 * New-file detection of an ODP product (ingestion.md §2.2): lists `[watermark − 7 d, today]`, keeps names matching
 * the source's `file_pattern`, records them in `ingestion_files` (republished files — a processed file whose size
 * changed — go back to `discovered`), and returns the files to ingest in ascending file date: discovered ones
 * plus failed ones with fewer than 3 attempts.
 */
export async function discoverFiles(
  pool: pg.Pool,
  http: HttpClient,
  options: DiscoverFilesOptions,
): Promise<FileToIngest[]> {
  const { rows } = await pool.query<{
    id: string;
    product_id: string | null;
    file_pattern: string | null;
    watermark: string | null;
  }>(
    `SELECT id, product_id, file_pattern, watermark_date::text AS watermark FROM data_sources WHERE key = $1`,
    [options.sourceKey],
  );
  const source = rows[0];
  if (!source) throw new IngestionError('permanent', `Unknown data source '${options.sourceKey}'`);
  const productId = options.productId ?? source.product_id;
  if (!productId || !source.file_pattern) {
    throw new IngestionError(
      'permanent',
      `Data source '${options.sourceKey}' has no product id or file pattern`,
    );
  }
  const pattern = new RegExp(source.file_pattern);
  const from = source.watermark
    ? new Date(Date.parse(`${source.watermark}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10)
    : options.today;
  const url = new URL(`/api/v1/datasets/products/${encodeURIComponent(productId)}`, options.baseUrl);
  url.searchParams.set('fileDataFromDate', from);
  url.searchParams.set('fileDataToDate', options.today);
  const listing = await http.getJson(url.toString(), productListingSchema);
  const listed = listing.bulkDataProductBag
    .flatMap((product) => product.productFileBag?.fileDataBag ?? [])
    .filter((file) => pattern.test(file.fileName));

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const file of listed) {
      const { rows: known } = await client.query<{ status: string; size_bytes: string | null }>(
        `SELECT status, size_bytes FROM ingestion_files WHERE data_source_id = $1 AND file_name = $2`,
        [source.id, file.fileName],
      );
      const previous = known[0];
      if (!previous) {
        await client.query(
          `INSERT INTO ingestion_files (data_source_id, file_name, file_date, remote_url, released_at, size_bytes)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (data_source_id, file_name) DO NOTHING`,
          [
            source.id,
            file.fileName,
            options.fileDate(file.fileName),
            file.fileDownloadURI,
            file.fileReleaseDate ?? null,
            file.fileSize ?? null,
          ],
        );
        continue;
      }
      const republished =
        previous.status === 'processed' &&
        file.fileSize !== undefined &&
        previous.size_bytes !== null &&
        Number(previous.size_bytes) !== file.fileSize;
      if (republished)
        options.logger?.warn(
          { fileName: file.fileName, listedSize: file.fileSize },
          'republished file: processing it again',
        );
      // Download URLs are signed and short-lived: always keep the latest one.
      await client.query(
        `UPDATE ingestion_files SET remote_url = $3,
                status = CASE WHEN $4 THEN 'discovered'::ingestion_file_status ELSE status END,
                size_bytes = coalesce($5, size_bytes), attempts = CASE WHEN $4 THEN 0 ELSE attempts END
          WHERE data_source_id = $1 AND file_name = $2`,
        [source.id, file.fileName, file.fileDownloadURI, republished, file.fileSize ?? null],
      );
    }
    await client.query(`UPDATE data_sources SET last_run_at = now() WHERE id = $1`, [source.id]);
    const { rows: work } = await client.query<{
      id: string;
      file_name: string;
      file_date: string | null;
      remote_url: string;
      size_bytes: string | null;
    }>(
      `SELECT id, file_name, file_date::text, remote_url, size_bytes FROM ingestion_files
        WHERE data_source_id = $1 AND remote_url IS NOT NULL
          AND (status = 'discovered' OR (status = 'failed' AND attempts < $2))
        ORDER BY file_date NULLS LAST, file_name`,
      [source.id, MAX_FAILED_ATTEMPTS],
    );
    let chosen = work;
    if (options.mode === 'snapshot' && work.length > 1) {
      chosen = work.slice(-1);
      await client.query(`UPDATE ingestion_files SET status = 'superseded' WHERE id = ANY($1::uuid[])`, [
        work.slice(0, -1).map((file) => file.id),
      ]);
    }
    await client.query('COMMIT');
    return chosen.map((file) => ({
      fileId: file.id,
      fileName: file.file_name,
      fileDate: file.file_date,
      url: file.remote_url,
      sizeBytes: file.size_bytes === null ? null : Number(file.size_bytes),
    }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** What one poll of an incremental product needs besides the feed itself. */
export interface NewFilesOptions {
  pool: pg.Pool;
  http: HttpClient;
  /** `USPTO_ODP_BASE_URL`. */
  baseUrl: string;
  /** Today's date (`YYYY-MM-DD`), injectable for tests. */
  today?: string;
  logger?: Logger;
  /** Runs after each file, before the next one starts: the worker fans the file's changes out here. */
  onFileIngested?: (file: FileToIngest, result: FileIngestionResult) => Promise<void>;
}

/** An incremental feed (assignments, grant and application bibliographic) as a poll sees it. */
export interface IncrementalFeed {
  sourceKey: string;
  fileDate: (fileName: string) => string | null;
  /** A file that does not load ends the poll when later files depend on it (assignments, §2.2). */
  stopAtFailure: boolean;
  /** Snapshot feeds (maintenance, CPC) load only the newest new file (§2.2 step 4); default incremental. */
  mode?: DiscoverFilesOptions['mode'];
  ingest(file: FileToIngest): Promise<FileIngestionResult>;
}

/**
 * One poll of an incremental product (ingestion.md §2.2): detects new files through `ingestion_files` and
 * ingests them oldest first, one `ingestion_jobs` row per file. A file is recorded `processed` by its job, so
 * the next poll does not see it again.
 */
export async function ingestNewFiles(
  options: NewFilesOptions,
  feed: IncrementalFeed,
): Promise<FileIngestionResult[]> {
  const files = await discoverFiles(options.pool, options.http, {
    sourceKey: feed.sourceKey,
    baseUrl: options.baseUrl,
    fileDate: feed.fileDate,
    mode: feed.mode ?? 'incremental',
    today: options.today ?? new Date().toISOString().slice(0, 10),
    logger: options.logger,
  });
  const results: FileIngestionResult[] = [];
  for (const file of files) {
    const result = await feed.ingest(file);
    results.push(result);
    await options.onFileIngested?.(file, result);
    // `skipped`: another process holds the source and works through the same backlog.
    if (result.status === 'skipped' || (result.status === 'failed' && feed.stopAtFailure)) break;
  }
  return results;
}

/** The load options of a discovered file: its (signed) URL, its ledger name, its date and its listed size. */
export function discoveredFileSource(file: FileToIngest) {
  return {
    source: file.url,
    fileName: file.fileName,
    fileDate: file.fileDate ?? undefined,
    expectedSize: file.sizeBytes ?? undefined,
  };
}
