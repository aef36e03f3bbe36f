import type { Logger } from '@patentrack/shared';
import { IngestionError } from '../common/errors';
import {
  runFileIngestion,
  type FileIngestionOptions,
  type FileIngestionResult,
} from '../common/file-ingestion';
import type { IngestionJob } from '../common/ingestion-job';
import type { ProgressListener } from '../common/progress';
import { ConcurrentBatchWriter } from '../common/concurrent-batch-writer';
import { discoveredFileSource, ingestNewFiles, type NewFilesOptions } from '../common/file-discovery';
import { recountEntityInstances } from '../common/entities';
import {
  DEFAULT_READER_LIMITS,
  openSourceEntry,
  type SourceEntry,
  type SourceReaderLimits,
} from '../common/source-reader';
import { lastWinsByRfId, upsertAssignmentParties, writeAssignmentBatch } from './loader';
import { mapAssignment, type AssignmentRecord } from './mapping';
import { AssignmentXmlParser, type RawAssignment } from './parser';

export const ASSIGNMENTS_SOURCE_KEY = 'uspto_assignments_daily';

/** `ad20160101.zip` / `ad20160101.xml` → `2016-01-01`. */
export function assignmentFileDate(fileName: string): string | null {
  const match = /^ad(\d{4})(\d{2})(\d{2})/i.exec(fileName);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export interface IngestAssignmentsOptions extends FileIngestionOptions {
  batchSize?: number;
  /**
   * Batch transactions in flight while parsing goes on (default 2: one per core of the reference machine; more
   * measured no faster). Entities are upserted before each batch's transaction, so batches do not wait on each
   * other's new name keys.
   */
  writeConcurrency?: number;
  limits?: SourceReaderLimits;
  onProgress?: ProgressListener;
}

export type IngestAssignmentsResult = FileIngestionResult;

const PROGRESS_LOG_EVERY = 10_000;

export interface IngestNewAssignmentFilesOptions
  extends
    Omit<IngestAssignmentsOptions, 'source' | 'fileName' | 'fileDate' | 'expectedSize' | 'http'>,
    NewFilesOptions {}

/**
 * One poll of the daily assignment product: new files ingested oldest first, stopping at the first file that
 * does not load — a later file may update the same rf_ids (§2.2).
 */
export function ingestNewAssignmentFiles(
  options: IngestNewAssignmentFilesOptions,
): Promise<IngestAssignmentsResult[]> {
  return ingestNewFiles(options, {
    sourceKey: ASSIGNMENTS_SOURCE_KEY,
    fileDate: assignmentFileDate,
    stopAtFailure: true,
    ingest: (file) => ingestAssignmentFile({ ...options, ...discoveredFileSource(file) }),
  });
}

/**
 * Ingests one daily assignment file (PASDL, ingestion.md §3.1) end to end: download (for a URL), streamed ZIP
 * or XML, streamed SAX parse, mapping, batched set-based load with bad-record isolation, job bookkeeping.
 * Never throws for a failure of the file: the summary says `failed` with its error class.
 */
export function ingestAssignmentFile(options: IngestAssignmentsOptions): Promise<IngestAssignmentsResult> {
  return runFileIngestion(
    ASSIGNMENTS_SOURCE_KEY,
    options,
    assignmentFileDate,
    async (job, localPath, logger) => {
      const removedEntityIds = new Set<string>();
      try {
        return await loadFile(job, localPath, removedEntityIds, options, logger);
      } finally {
        // Also after a failure: committed batches stay, and their entities must count right.
        await job.transaction(async (client) => {
          await recountEntityInstances(client, [job.jobId, ...job.interruptedJobIds], removedEntityIds);
          await job.clearInterrupted(client);
        });
      }
    },
  );
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
      async (client, batch, entityIds) => {
        const result = await writeAssignmentBatch(client, batch, job.jobId, entityIds);
        for (const id of result.previousEntityIds) removedEntityIds.add(id);
        return result;
      },
      (record) => ({ identifier: record.rfId, raw: record }),
      upsertAssignmentParties,
    );
    if (job.counters.processed >= nextProgressLog) {
      logger?.info({ records: job.counters.processed, bytesRead }, 'ingestion progress');
      nextProgressLog += PROGRESS_LOG_EVERY;
    }
    options.onProgress?.({ bytesRead, bytesTotal: entry.size, records: job.counters.processed });
  };

  // Batches are written while the next ones are parsed; the writer bounds how many are held in memory.
  const writer = new ConcurrentBatchWriter(
    options.writeConcurrency ?? 2,
    (record: AssignmentRecord) => record.rfId,
    flush,
  );
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
