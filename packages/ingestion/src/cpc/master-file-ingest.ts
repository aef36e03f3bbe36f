import { replaceCpcSnapshot } from '@patentrack/db';
import { IngestionError } from '../common/errors';
import { discoveredFileSource, discoverFiles, type NewFilesOptions } from '../common/file-discovery';
import {
  runFileIngestion,
  type FileIngestionOptions,
  type FileIngestionResult,
} from '../common/file-ingestion';
import type { IngestionJob } from '../common/ingestion-job';
import type { ProgressListener } from '../common/progress';
import { DEFAULT_READER_LIMITS, sourceEntries, type SourceReaderLimits } from '../common/source-reader';
import { mapMasterRecord, type CpcDocType } from './master-file-mapping';
import { MasterFileParser } from './master-file-parser';
import { diffCpcSnapshot, type SnapshotDiff } from './snapshot-diff';

/** The two monthly master files and their `data_sources.key` (ingestion.md §1). */
export const CPC_MASTER_SOURCE_KEYS: Record<CpcDocType, string> = {
  grant: 'uspto_cpc_grant_mcf',
  application: 'uspto_cpc_application_mcf',
};

/** `US_Grant_CPC_MCF_XML_2025-01-01.zip` → grant; `US_PGPub_CPC_MCF_XML_…` → application; else null. */
export function cpcMasterDocType(fileName: string): CpcDocType | null {
  const match = /^US_(Grant|PGPub)_CPC_MCF/i.exec(fileName);
  if (!match) return null;
  return match[1]!.toLowerCase() === 'grant' ? 'grant' : 'application';
}

/** `US_Grant_CPC_MCF_XML_2025-01-01.zip` → `2025-01-01`. */
export function cpcMasterFileDate(fileName: string): string | null {
  return /^US_(?:Grant|PGPub)_CPC_MCF_\w*?(\d{4}-\d{2}-\d{2})/i.exec(fileName)?.[1] ?? null;
}

export interface IngestCpcMasterOptions extends FileIngestionOptions {
  /** Which master file this is; taken from the file name when omitted. */
  docType?: CpcDocType;
  batchSize?: number;
  limits?: SourceReaderLimits;
  onProgress?: ProgressListener;
}

/**
 * Loads one monthly master classification file (ingestion.md §3.4 b) as a new snapshot of its doc type: every
 * XML entry streamed through the SAX parser, rows COPYed into a fresh leaf, compared with the published month,
 * then swapped in atomically (data-model §5.3). A month identical to the published one is not swapped in, so a
 * re-run leaves the database unchanged (§2.7, acceptance criteria). Bad records are logged and skipped.
 */
export function ingestCpcMasterFile(options: IngestCpcMasterOptions): Promise<FileIngestionResult> {
  const name = options.fileName ?? options.source.split(/[/?#]/).filter(Boolean).pop() ?? '';
  const docType = options.docType ?? cpcMasterDocType(name);
  if (!docType) {
    return Promise.reject(
      new IngestionError('permanent', `${name}: not a US_Grant_/US_PGPub_CPC_MCF file; give the doc type`),
    );
  }
  return runFileIngestion(CPC_MASTER_SOURCE_KEYS[docType], options, cpcMasterFileDate, (job, path) =>
    loadMasterFile(job, path, docType, options),
  );
}

export interface IngestNewCpcMasterFilesOptions
  extends
    Omit<IngestCpcMasterOptions, 'source' | 'fileName' | 'fileDate' | 'expectedSize' | 'http' | 'docType'>,
    NewFilesOptions {}

/**
 * One monthly poll (`ingest:cpc`): for grants, then applications, the newest unprocessed master file, if any
 * (a snapshot feed: older unprocessed months are superseded, §2.2).
 */
export async function ingestNewCpcMasterFiles(
  options: IngestNewCpcMasterFilesOptions,
): Promise<FileIngestionResult[]> {
  const results: FileIngestionResult[] = [];
  for (const docType of ['grant', 'application'] as const) {
    const files = await discoverFiles(options.pool, options.http, {
      sourceKey: CPC_MASTER_SOURCE_KEYS[docType],
      baseUrl: options.baseUrl,
      fileDate: cpcMasterFileDate,
      mode: 'snapshot',
      today: options.today ?? new Date().toISOString().slice(0, 10),
      logger: options.logger,
    });
    for (const file of files) {
      const result = await ingestCpcMasterFile({ ...options, ...discoveredFileSource(file), docType });
      results.push(result);
      await options.onFileIngested?.(file, result);
    }
  }
  return results;
}

async function loadMasterFile(
  job: IngestionJob,
  path: string,
  docType: CpcDocType,
  options: IngestCpcMasterOptions,
): Promise<Record<string, unknown>> {
  const batchSize = options.batchSize ?? 500;
  const entries: string[] = [];
  let bytesRead = 0;
  let loaded = 0;
  let uncounted = 0;
  let sinceCheckpoint = 0;
  let diff: SnapshotDiff | undefined;
  const client = await options.pool.connect();
  try {
    const snapshot = await replaceCpcSnapshot(
      client,
      docType,
      async (write) => {
        for await (const entry of sourceEntries(path, /\.xml$/i, options.limits ?? DEFAULT_READER_LIMITS)) {
          entries.push(entry.name);
          const parser = new MasterFileParser(entry.name);
          const decoder = new TextDecoder('utf-8');
          const drain = async () => {
            for (const raw of parser.records.splice(0)) {
              sinceCheckpoint += 1;
              const mapped = mapMasterRecord(raw, docType, entry.name);
              for (const warning of mapped.warnings) job.reportIssue(warning);
              if (mapped.error) job.reportIssue(mapped.error);
              else if (mapped.rows.length === 0) job.countSkipped(1);
              else {
                for (const row of mapped.rows) {
                  await write({
                    doc_num: row.docNum,
                    pgpub_doc_num: row.pgpubDocNum,
                    cpc_code: row.cpcCode,
                    symbol_position: row.symbolPosition,
                    classification_value: row.classificationValue,
                    version_date: row.versionDate,
                  });
                }
                loaded += 1;
                uncounted += 1;
              }
            }
            // Counters, issues and the heartbeat reach the job row while the snapshot is still loading, and the
            // error thresholds can abort a systematically broken file before it is swapped in. Nothing changes
            // before the swap, so loaded records count as unchanged until the comparison reclassifies them.
            if (sinceCheckpoint >= batchSize) {
              await job.checkpoint({ inserted: 0, updated: 0, unchanged: uncounted, skipped: 0 });
              uncounted = 0;
              sinceCheckpoint = 0;
              options.onProgress?.({ bytesRead, bytesTotal: entry.size, records: job.counters.processed });
            }
          };
          try {
            for await (const chunk of entry.stream) {
              bytesRead += (chunk as Buffer).length;
              parser.write(decoder.decode(chunk as Buffer, { stream: true }));
              await drain();
            }
          } catch (error) {
            if (error instanceof IngestionError) throw error;
            throw IngestionError.data(`Cannot read ${entry.name}: ${(error as Error).message}`);
          }
          parser.write(decoder.decode());
          parser.close();
          await drain();
        }
        // An empty month would wipe every classification of the doc type: keep the old one instead.
        if (loaded === 0) throw IngestionError.data('The master file holds no loadable record');
      },
      {
        beforePublish: async (leaf) => {
          diff = await diffCpcSnapshot(client, leaf, docType);
          return diff.inserted + diff.updated + diff.removed > 0;
        },
      },
    );
    // `beforePublish` ran, or replaceCpcSnapshot would have thrown.
    const { inserted, updated, removed } = diff!;
    // Moves the new and changed documents out of the provisional `unchanged`; a document the file repeats
    // stays there, as its repeat changed nothing.
    await job.checkpoint({ inserted, updated, unchanged: uncounted - inserted - updated, skipped: 0 });
    if (snapshot.duplicates > 0) {
      job.reportIssue({
        severity: 'warning',
        errorType: 'duplicate',
        recordIdentifier: null,
        location: null,
        message: `${snapshot.duplicates} repeated document/symbol rows dropped; the later rows won`,
        raw: null,
      });
      await job.flushIssues();
    }
    return {
      entries,
      docType,
      published: snapshot.published,
      snapshotId: snapshot.published ? snapshot.snapshotId : null,
      rows: snapshot.rows,
      removed,
    };
  } finally {
    client.release();
  }
}
