import type { Logger } from '@patentrack/shared';
import { IngestionError } from '../common/errors';
import { discoveredFileSource, ingestNewFiles, type NewFilesOptions } from '../common/file-discovery';
import {
  runFileIngestion,
  type FileIngestionOptions,
  type FileIngestionResult,
} from '../common/file-ingestion';
import type { IngestionJob } from '../common/ingestion-job';
import type { ProgressListener } from '../common/progress';
import { DEFAULT_READER_LIMITS, openSourceEntry, type SourceReaderLimits } from '../common/source-reader';
import { ConcatenatedXmlStream, type CapturedDocument } from './document-stream';
import { writeBibliographicBatch } from './loader';
import { docTypeOfRoot, mapDocument } from './mapper';
import type { BibliographicRecord } from './types';

/** The weekly bibliographic feeds and their `data_sources.key`. */
export const BIBLIOGRAPHIC_SOURCE_KEYS = {
  grants: 'uspto_grants_biblio_weekly',
  applications: 'uspto_applications_biblio_weekly',
} as const;
export type BibliographicFeed = keyof typeof BIBLIOGRAPHIC_SOURCE_KEYS;

/** `ipgb20221025_wk43.zip`, `ipg211019.xml`, `ipab20220728.zip`, `ipa220728.xml` → the file's ISO date. */
export function bibliographicFileDate(fileName: string): string | null {
  const match = /^ip[ga]b?(\d{6}|\d{8})(?!\d)/i.exec(fileName);
  if (!match) return null;
  const digits = match[1]!.length === 6 ? `20${match[1]}` : match[1]!;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

export interface IngestBibliographicOptions extends FileIngestionOptions {
  feed: BibliographicFeed;
  batchSize?: number;
  limits?: SourceReaderLimits;
  onProgress?: ProgressListener;
}

const PROGRESS_LOG_EVERY = 10_000;

/**
 * Ingests one weekly grant or application file (ingestion.md §3.2, §3.3): ZIP, TAR or plain XML streamed,
 * split into its concatenated documents, each parsed on its own (a malformed one is logged and skipped),
 * mapped, and loaded in set-based batches with exact counts, bad-record isolation and job bookkeeping.
 */
export function ingestBibliographicFile(options: IngestBibliographicOptions): Promise<FileIngestionResult> {
  return runFileIngestion(
    BIBLIOGRAPHIC_SOURCE_KEYS[options.feed],
    options,
    bibliographicFileDate,
    (job, path, logger) => loadFile(job, path, options, logger),
  );
}

export interface IngestNewBibliographicFilesOptions
  extends
    Omit<IngestBibliographicOptions, 'source' | 'fileName' | 'fileDate' | 'expectedSize' | 'http'>,
    NewFilesOptions {}

/**
 * One poll of a weekly bibliographic product: new weeks ingested oldest first. A week that does not load does
 * not stop the later ones — each week's documents stand alone (§2.2).
 */
export function ingestNewBibliographicFiles(
  options: IngestNewBibliographicFilesOptions,
): Promise<FileIngestionResult[]> {
  return ingestNewFiles(options, {
    sourceKey: BIBLIOGRAPHIC_SOURCE_KEYS[options.feed],
    fileDate: bibliographicFileDate,
    stopAtFailure: false,
    ingest: (file) => ingestBibliographicFile({ ...options, ...discoveredFileSource(file) }),
  });
}

async function loadFile(
  job: IngestionJob,
  path: string,
  options: IngestBibliographicOptions,
  logger: Logger | undefined,
): Promise<Record<string, unknown>> {
  const batchSize = options.batchSize ?? 500;
  const entry = await openSourceEntry(path, /\.xml$/i, options.limits ?? DEFAULT_READER_LIMITS);
  const pending: BibliographicRecord[] = [];
  const nonPatentRoots: Record<string, number> = {};
  const dtdVersions: Record<string, number> = {};
  let bytesRead = 0;
  let nextProgressLog = PROGRESS_LOG_EVERY;

  const takeDocument = (document: CapturedDocument) => {
    if (!document.error && document.root && !docTypeOfRoot(document.root)) {
      // Sequence listings and other companions of the patent documents (§3.2): counted, never loaded.
      nonPatentRoots[document.root] = (nonPatentRoots[document.root] ?? 0) + 1;
      job.countSkipped(1);
      return;
    }
    const { record, issues } = mapDocument(document);
    for (const issue of issues) job.reportIssue(issue);
    if (!record) return;
    const version = record.dtdVersion ?? 'unknown';
    dtdVersions[version] = (dtdVersions[version] ?? 0) + 1;
    pending.push(record);
  };
  const documents = new ConcatenatedXmlStream(takeDocument);
  const flush = async (records: BibliographicRecord[]) => {
    await job.commitBatch(
      records,
      (client, batch) => writeBibliographicBatch(client, batch, job.jobId),
      (record) => ({
        identifier: record.grantDocNum ?? record.pgpubDocNum ?? record.appnoDocNum,
        raw: record,
      }),
    );
    if (job.counters.processed >= nextProgressLog) {
      logger?.info({ records: job.counters.processed, bytesRead }, 'ingestion progress');
      nextProgressLog += PROGRESS_LOG_EVERY;
    }
    options.onProgress?.({ bytesRead, bytesTotal: entry.size, records: job.counters.processed });
  };

  try {
    for await (const chunk of entry.stream) {
      bytesRead += (chunk as Buffer).length;
      documents.write(chunk as Buffer);
      while (pending.length >= batchSize) await flush(pending.splice(0, batchSize));
    }
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    // Inflate failures, size-limit breaches and cut streams mean a broken file, not a passing glitch.
    throw IngestionError.data(`Cannot read ${entry.name}: ${(error as Error).message}`);
  }
  documents.end();
  await flush(pending.splice(0));
  const skipped = Object.entries(nonPatentRoots);
  if (skipped.length > 0) {
    job.reportIssue({
      severity: 'warning',
      errorType: 'validation',
      recordIdentifier: null,
      location: entry.name,
      message: `Skipped non-patent documents: ${skipped.map(([root, n]) => `${n} × <${root}>`).join(', ')}`,
      raw: nonPatentRoots,
    });
  }
  await job.flushIssues();
  return { entryName: entry.name, documentsInFile: documents.documentsSeen, nonPatentRoots, dtdVersions };
}
