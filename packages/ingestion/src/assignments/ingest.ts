import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import type pg from 'pg';
import type { Logger } from '@patentrack/shared';
import { IngestionError } from '../common/errors';
import type { HttpClient } from '../common/http-client';
import {
  IngestionJob,
  type ErrorThresholds,
  type IngestionTrigger,
  type JobSummary,
} from '../common/ingestion-job';
import type { ProgressListener } from '../common/progress';
import { ConcurrentBatchWriter } from '../common/concurrent-batch-writer';
import { discoverFiles } from '../common/file-discovery';
import { recountEntityInstances } from '../common/entities';
import {
  DEFAULT_READER_LIMITS,
  openSourceEntry,
  type SourceEntry,
  type SourceReaderLimits,
} from '../common/source-reader';
import { lastWinsByRfId, writeAssignmentBatch } from './loader';
import { mapAssignment, type AssignmentRecord } from './mapping';
import { AssignmentXmlParser, type RawAssignment } from './parser';

export const ASSIGNMENTS_SOURCE_KEY = 'uspto_assignments_daily';

/** `ad20160101.zip` / `ad20160101.xml` → `2016-01-01`. */
export function assignmentFileDate(fileName: string): string | null {
  const match = /^ad(\d{4})(\d{2})(\d{2})/i.exec(fileName);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export interface IngestAssignmentsOptions {
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
  batchSize?: number;
  /**
   * Batch transactions in flight while parsing goes on (default 1). More was slower when measured: concurrent
   * batches wait on each other's new entity keys and on the job row's counters.
   */
  writeConcurrency?: number;
  http?: HttpClient;
  workDir?: string;
  /** Keep a downloaded file after processing (`INGEST_KEEP_FILES`). */
  keepFiles?: boolean;
  /** Size of the file according to the product listing, checked after download. */
  expectedSize?: number;
  limits?: SourceReaderLimits;
  thresholds?: ErrorThresholds;
  logger?: Logger;
  onProgress?: ProgressListener;
}

/** Outcome of one file: the job summary, or `skipped` when another process owns the source right now. */
export type IngestAssignmentsResult = JobSummary | { status: 'skipped'; reason: string };

const PROGRESS_LOG_EVERY = 10_000;

export interface IngestNewAssignmentFilesOptions
  extends Omit<IngestAssignmentsOptions, 'source' | 'fileDate' | 'expectedSize' | 'http'> {
  http: HttpClient;
  /** `USPTO_ODP_BASE_URL`. */
  baseUrl: string;
  /** Today's date (`YYYY-MM-DD`), injectable for tests. */
  today?: string;
}

/**
 * One poll of the daily assignment product: detects new files through `ingestion_files` and ingests them oldest
 * first, stopping at the first file that does not load — a later file may update the same rf_ids (§2.2).
 */
export async function ingestNewAssignmentFiles(options: IngestNewAssignmentFilesOptions): Promise<IngestAssignmentsResult[]> {
  const files = await discoverFiles(options.pool, options.http, {
    sourceKey: ASSIGNMENTS_SOURCE_KEY,
    baseUrl: options.baseUrl,
    fileDate: assignmentFileDate,
    mode: 'incremental',
    today: options.today ?? new Date().toISOString().slice(0, 10),
    logger: options.logger,
  });
  const results: IngestAssignmentsResult[] = [];
  for (const file of files) {
    const result = await ingestAssignmentFile({
      ...options,
      source: file.url,
      fileName: file.fileName,
      fileDate: file.fileDate ?? undefined,
      expectedSize: file.sizeBytes ?? undefined,
    });
    results.push(result);
    if (result.status !== 'success' && result.status !== 'partial') break;
  }
  return results;
}

/**
 * Ingests one daily assignment file (PASDL, ingestion.md §3.1) end to end: download (for a URL), streamed ZIP
 * or XML, streamed SAX parse, mapping, batched set-based load with bad-record isolation, job bookkeeping.
 * Never throws for a failure of the file: the summary says `failed` with its error class.
 */
export async function ingestAssignmentFile(options: IngestAssignmentsOptions): Promise<IngestAssignmentsResult> {
  const isUrl = /^https?:\/\//i.test(options.source);
  const fileName = options.fileName ?? basename(isUrl ? new URL(options.source).pathname : options.source);
  const fileDate = options.fileDate ?? assignmentFileDate(fileName);
  const localSize = isUrl ? null : await stat(options.source).then(
    (stats) => stats.size,
    () => {
      throw new IngestionError('permanent', `No such file: ${options.source}`);
    },
  );
  const job = await IngestionJob.start(options.pool, {
    sourceKey: ASSIGNMENTS_SOURCE_KEY,
    fileName,
    fileDate,
    remoteUrl: isUrl ? options.source : null,
    fileSizeBytes: isUrl ? (options.expectedSize ?? null) : localSize,
    trigger: options.trigger ?? 'manual',
    bullmqJobId: options.bullmqJobId,
    attempt: options.attempt,
    thresholds: options.thresholds,
    logger: options.logger,
  });
  if (!job) return { status: 'skipped', reason: 'another run of this source is in progress' };
  const logger = options.logger?.child({ ingestionJobId: job.jobId, source: ASSIGNMENTS_SOURCE_KEY, fileName });
  let localPath = options.source;
  let downloaded = false;
  try {
    if (isUrl) {
      if (!options.http) throw new IngestionError('permanent', 'No HTTP client configured for a URL source');
      const dir = join(options.workDir ?? tmpdir(), ASSIGNMENTS_SOURCE_KEY);
      await mkdir(dir, { recursive: true });
      await job.recordDownload('downloading');
      const result = await options.http.download(options.source, join(dir, fileName), options.expectedSize);
      await job.recordDownload('downloaded', result);
      localPath = result.path;
      downloaded = true;
    }
    const removedEntityIds = new Set<string>();
    let metadata: Record<string, unknown>;
    try {
      metadata = await loadFile(job, localPath, removedEntityIds, options, logger);
    } finally {
      // Also after a failure: committed batches stay, and their entities must count right.
      await job.transaction(async (client) => {
        await recountEntityInstances(client, [job.jobId, ...job.interruptedJobIds], removedEntityIds);
        await job.clearInterrupted(client);
      });
    }
    const summary = await job.finish(undefined, metadata);
    logger?.info({ ...summary }, 'assignment file ingested');
    return summary;
  } catch (error) {
    const summary = await job.finish(error);
    logger?.error({ err: error, ...summary }, 'assignment file failed');
    return summary;
  } finally {
    if (downloaded && !options.keepFiles) await rm(localPath, { force: true });
  }
}

/** The entry's bytes; inflate failures, size-limit breaches and cut streams mean a broken file (`data`). */
async function* readChunks(entry: SourceEntry): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of entry.stream) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    throw IngestionError.data(`Cannot read ${entry.name}: ${(error as Error).message}`);
  }
}

async function loadFile(
  job: IngestionJob,
  path: string,
  removedEntityIds: Set<string>,
  options: IngestAssignmentsOptions,
  logger: Logger | undefined,
): Promise<Record<string, unknown>> {
  const batchSize = options.batchSize ?? 500;
  const entry = await openSourceEntry(path, /\.xml$/i, options.limits ?? DEFAULT_READER_LIMITS);
  const parser = new AssignmentXmlParser();
  const decoder = new TextDecoder('utf-8');
  const pending: AssignmentRecord[] = [];
  let bytesRead = 0;
  let nextProgressLog = PROGRESS_LOG_EVERY;

  const takeRecords = (raws: RawAssignment[]) => {
    for (const raw of raws) {
      const result = mapAssignment(raw);
      for (const warning of result.warnings) job.reportIssue(warning);
      if (result.ok) pending.push(result.record);
      else job.reportIssue(result.error);
    }
  };
  const flush = async (records: AssignmentRecord[]) => {
    const { records: unique, superseded } = lastWinsByRfId(records);
    for (const earlier of superseded) {
      job.reportIssue({
        severity: 'warning',
        errorType: 'duplicate',
        recordIdentifier: earlier.rfId,
        location: null,
        message: 'The same rf_id appears again later in the file; the later record wins',
        raw: null,
      });
    }
    job.countSkipped(superseded.length);
    await job.commitBatch(
      unique,
      async (client, batch) => {
        const result = await writeAssignmentBatch(client, batch, job.jobId);
        for (const id of result.previousEntityIds) removedEntityIds.add(id);
        return result;
      },
      (record) => ({ identifier: record.rfId, raw: record }),
    );
    if (job.counters.processed >= nextProgressLog) {
      logger?.info({ records: job.counters.processed, bytesRead }, 'ingestion progress');
      nextProgressLog += PROGRESS_LOG_EVERY;
    }
    options.onProgress?.({ bytesRead, bytesTotal: entry.size, records: job.counters.processed });
  };

  // Batches are written while the next ones are parsed; the writer bounds how many are held in memory.
  const writer = new ConcurrentBatchWriter(options.writeConcurrency ?? 1, (record: AssignmentRecord) => record.rfId, flush);
  try {
    for await (const chunk of readChunks(entry)) {
      bytesRead += chunk.length;
      parser.write(decoder.decode(chunk, { stream: true }));
      takeRecords(parser.records.splice(0));
      while (pending.length >= batchSize) await writer.submit(pending.splice(0, batchSize));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    // Committed batches stay (a re-run is idempotent); let the ones in flight settle before failing.
    await writer.drain().catch(() => undefined);
    throw error;
  }
  takeRecords(parser.records.splice(0));
  if (pending.length > 0) await writer.submit(pending.splice(0));
  await writer.drain();
  for (const problem of parser.fileProblems) {
    job.reportIssue({
      severity: 'warning',
      errorType: 'parse',
      recordIdentifier: null,
      location: entry.name,
      message: problem,
      raw: null,
    });
  }
  return {
    entryName: entry.name,
    actionKeyCode: parser.header.actionKeyCode ?? null,
    transactionDate: parser.header.transactionDate ?? null,
    dataAvailable: parser.header.dataAvailableCode !== 'N',
  };
}
