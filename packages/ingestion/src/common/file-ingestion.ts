import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type pg from 'pg';
import type { Logger } from '@patentrack/shared';
import { IngestionError } from './errors';
import type { HttpClient } from './http-client';
import { IngestionJob, type ErrorThresholds, type IngestionTrigger, type JobSummary } from './ingestion-job';

/** What every file-based source accepts: where the file is, how to fetch it, and how the job was triggered. */
export interface FileIngestionOptions {
  /** Worker-role pool (`patentrack_worker`, BYPASSRLS). */
  pool: pg.Pool;
  /** A local path, or an http(s) URL downloaded through `http`. */
  source: string;
  /** The file's name in the ledger; defaults to the last path segment of `source` (signed URLs differ). */
  fileName?: string;
  /** Overrides the date taken from the file name (`--date`). */
  fileDate?: string;
  trigger?: IngestionTrigger;
  bullmqJobId?: string;
  attempt?: number;
  http?: HttpClient;
  workDir?: string;
  /** Keep a downloaded file after processing (`INGEST_KEEP_FILES`). */
  keepFiles?: boolean;
  /** Size of the file according to the product listing, checked after download. */
  expectedSize?: number;
  thresholds?: ErrorThresholds;
  logger?: Logger;
}

/** Outcome of one file: the job summary, or `skipped` when another process owns the source right now. */
export type FileIngestionResult = JobSummary | { status: 'skipped'; reason: string };

/** Loads a local file into the job; returns the job's `metadata`. */
export type FileLoader = (
  job: IngestionJob,
  localPath: string,
  logger: Logger | undefined,
) => Promise<Record<string, unknown>>;

/**
 * The life cycle shared by file sources (ingestion.md §2.3, §2.9): start the job under the source's run guard,
 * download a URL source, run the source's loader, finish the job with its status and error class. Never throws
 * for a failure of the file: the summary says `failed` with its error class.
 */
export async function runFileIngestion(
  sourceKey: string,
  options: FileIngestionOptions,
  fileDateOf: (fileName: string) => string | null,
  load: FileLoader,
): Promise<FileIngestionResult> {
  const isUrl = /^https?:\/\//i.test(options.source);
  const fileName = options.fileName ?? basename(isUrl ? new URL(options.source).pathname : options.source);
  const localSize = isUrl
    ? null
    : await stat(options.source).then(
        (stats) => stats.size,
        () => {
          throw new IngestionError('permanent', `No such file: ${options.source}`);
        },
      );
  const job = await IngestionJob.start(options.pool, {
    sourceKey,
    fileName,
    fileDate: options.fileDate ?? fileDateOf(fileName),
    remoteUrl: isUrl ? options.source : null,
    fileSizeBytes: isUrl ? (options.expectedSize ?? null) : localSize,
    trigger: options.trigger ?? 'manual',
    bullmqJobId: options.bullmqJobId,
    attempt: options.attempt,
    thresholds: options.thresholds,
    logger: options.logger,
  });
  if (!job) return { status: 'skipped', reason: 'another run of this source is in progress' };
  const logger = options.logger?.child({ ingestionJobId: job.jobId, source: sourceKey, fileName });
  let localPath = options.source;
  let downloaded = false;
  try {
    if (isUrl) {
      if (!options.http) throw new IngestionError('permanent', 'No HTTP client configured for a URL source');
      const dir = join(options.workDir ?? tmpdir(), sourceKey);
      await mkdir(dir, { recursive: true });
      await job.recordDownload('downloading');
      const result = await options.http.download(options.source, join(dir, fileName), options.expectedSize);
      await job.recordDownload('downloaded', result);
      localPath = result.path;
      downloaded = true;
    }
    const metadata = await load(job, localPath, logger);
    const summary = await job.finish(undefined, metadata);
    logger?.info({ ...summary }, 'file ingested');
    return summary;
  } catch (error) {
    const summary = await job.finish(error);
    logger?.error({ err: error, ...summary }, 'file ingestion failed');
    return summary;
  } finally {
    if (downloaded && !options.keepFiles) await rm(localPath, { force: true });
  }
}
