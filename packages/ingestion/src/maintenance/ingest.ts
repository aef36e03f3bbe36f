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
import {
  DEFAULT_READER_LIMITS,
  openOptionalArchiveEntry,
  openSourceEntry,
  type SourceEntry,
  type SourceReaderLimits,
} from '../common/source-reader';
import { detectMaintenanceLayout, LAYOUT_SAMPLE_LINES, type MaintenanceLayout } from './layout';
import {
  knownEventCodes,
  lastWinsByEventKey,
  upsertEventCodeDescriptions,
  writeMaintenanceBatch,
} from './loader';
import { mapMaintenanceLine, type MaintenanceFeeEvent } from './mapping';

export const MAINTENANCE_SOURCE_KEY = 'uspto_maintenance_fees_weekly';

/** `MaintFeeEvents_20240101.zip` / `.txt` → `2024-01-01`. */
export function maintenanceFileDate(fileName: string): string | null {
  const match = /^MaintFeeEvents_(\d{4})(\d{2})(\d{2})(?!\d)/i.exec(fileName);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The events entry of the weekly ZIP: a `.txt` that is not the `MaintFeeEventsDesc_*` code list. */
const EVENTS_ENTRY = /(^|\/)(?!MaintFeeEventsDesc)[^/]*\.txt$/i;
const DESCRIPTION_ENTRY = /(^|\/)MaintFeeEventsDesc[^/]*\.txt$/i;

export interface IngestMaintenanceOptions extends FileIngestionOptions {
  batchSize?: number;
  limits?: SourceReaderLimits;
  onProgress?: ProgressListener;
}

/**
 * Ingests one weekly maintenance-fee file (PTMNFEE2, ingestion.md §3.5): ZIP, TAR or plain text, read line by
 * line as latin-1, the fixed-width layout detected from the first lines, each line mapped on its own (a bad line
 * goes to `ingestion_errors`), loaded through `COPY` and a set-based merge with exact counts. The code list in
 * the same ZIP, when present, refreshes the codes' descriptions first. Never throws for a failure of the file.
 */
export function ingestMaintenanceFile(options: IngestMaintenanceOptions): Promise<FileIngestionResult> {
  return runFileIngestion(MAINTENANCE_SOURCE_KEY, options, maintenanceFileDate, (job, path, logger) =>
    loadFile(job, path, options, logger),
  );
}

export interface IngestNewMaintenanceFilesOptions
  extends
    Omit<IngestMaintenanceOptions, 'source' | 'fileName' | 'fileDate' | 'expectedSize' | 'http'>,
    NewFilesOptions {}

/**
 * One poll of the weekly product. The file is a cumulative snapshot, so only the newest new file is loaded and
 * older unprocessed ones become `superseded` (§2.2).
 */
export function ingestNewMaintenanceFiles(
  options: IngestNewMaintenanceFilesOptions,
): Promise<FileIngestionResult[]> {
  return ingestNewFiles(options, {
    sourceKey: MAINTENANCE_SOURCE_KEY,
    fileDate: maintenanceFileDate,
    mode: 'snapshot',
    stopAtFailure: false,
    ingest: (file) => ingestMaintenanceFile({ ...options, ...discoveredFileSource(file) }),
  });
}

/** Lines of an entry, decoded as latin-1 (one byte per character, so chunk borders cannot split one), CR dropped. */
async function* readLines(entry: SourceEntry, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  let rest = '';
  try {
    for await (const chunk of entry.stream) {
      onBytes((chunk as Buffer).length);
      const lines = (rest + (chunk as Buffer).toString('latin1')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield line.replace(/\r$/, '');
    }
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    // Inflate failures, size-limit breaches and cut streams mean a broken file, not a passing glitch.
    throw IngestionError.data(`Cannot read ${entry.name}: ${(error as Error).message}`);
  }
  if (rest !== '') yield rest.replace(/\r$/, '');
}

/** `{code}{whitespace}{description}` lines of the code list; blank lines ignored. */
export function parseEventCodeDescriptions(text: string): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^(\S+)\s+(\S.*?)\s*$/.exec(line);
    if (match && match[1]!.length <= 8) descriptions.set(match[1]!, match[2]!);
  }
  return descriptions;
}

async function loadDescriptions(
  job: IngestionJob,
  path: string,
  limits: SourceReaderLimits,
): Promise<number> {
  const entry = await openOptionalArchiveEntry(path, DESCRIPTION_ENTRY, limits);
  if (!entry) return 0;
  const chunks: Buffer[] = [];
  // A few hundred short lines: small enough to read whole.
  for await (const chunk of entry.stream) chunks.push(chunk as Buffer);
  const descriptions = parseEventCodeDescriptions(Buffer.concat(chunks).toString('latin1'));
  return job.transaction((client) => upsertEventCodeDescriptions(client, descriptions));
}

const PROGRESS_LOG_EVERY = 10_000;

async function loadFile(
  job: IngestionJob,
  path: string,
  options: IngestMaintenanceOptions,
  logger: Logger | undefined,
): Promise<Record<string, unknown>> {
  const batchSize = options.batchSize ?? 500;
  const limits = options.limits ?? DEFAULT_READER_LIMITS;
  const eventCodeDescriptions = await loadDescriptions(job, path, limits);
  const known = await job.transaction((client) => knownEventCodes(client));
  const entry = await openSourceEntry(path, EVENTS_ENTRY, limits);
  const unknownCodes: string[] = [];
  const pending: MaintenanceFeeEvent[] = [];
  let bytesRead = 0;
  let nextProgressLog = PROGRESS_LOG_EVERY;

  const take = (line: string, lineNumber: number, layout: MaintenanceLayout) => {
    if (line.trim() === '') return;
    const result = mapMaintenanceLine(line, layout, lineNumber);
    if (!result.ok) {
      job.reportIssue(result.error);
      return;
    }
    for (const warning of result.warnings) job.reportIssue(warning);
    const { record } = result;
    if (!known.has(record.eventCode)) {
      // Once per code: the batch adds it to the lookup, so later lines carry a known code.
      known.add(record.eventCode);
      unknownCodes.push(record.eventCode);
      job.reportIssue({
        severity: 'warning',
        errorType: 'validation',
        recordIdentifier: record.grantDocNum,
        location: `line ${lineNumber}`,
        message: `Unknown event code '${record.eventCode}'; added to the lookup with effect 'other'`,
        raw: record,
      });
    }
    pending.push(record);
  };
  const flush = async (records: MaintenanceFeeEvent[]) => {
    const { records: unique, superseded } = lastWinsByEventKey(records);
    for (const earlier of superseded) {
      job.reportIssue({
        severity: 'warning',
        errorType: 'duplicate',
        recordIdentifier: earlier.grantDocNum,
        location: null,
        message: `The event ${earlier.eventCode} of ${earlier.eventDate} appears again later in the file; the later line wins`,
        raw: earlier,
      });
    }
    job.countSkipped(superseded.length);
    await job.commitBatch(
      unique,
      (client, batch) => writeMaintenanceBatch(client, batch, job.jobId),
      (record) => ({ identifier: record.grantDocNum, raw: record }),
    );
    if (job.counters.processed >= nextProgressLog) {
      logger?.info({ records: job.counters.processed, bytesRead }, 'ingestion progress');
      nextProgressLog += PROGRESS_LOG_EVERY;
    }
    options.onProgress?.({ bytesRead, bytesTotal: entry.size, records: job.counters.processed });
  };

  // The layout is decided on the first non-blank lines, which wait in `head` until it is known.
  const head: string[] = [];
  let headNonBlank = 0;
  let layout: MaintenanceLayout | null = null;
  let lineNumber = 0;
  const decide = () => {
    layout = detectMaintenanceLayout(head);
    if (!layout) {
      throw IngestionError.data(
        `Maintenance layout not recognised in ${entry.name}: fewer than 90 % of the first lines fit either layout`,
      );
    }
    head.forEach((line, index) => take(line, index + 1, layout!));
  };
  for await (const line of readLines(entry, (bytes) => (bytesRead += bytes))) {
    lineNumber += 1;
    if (layout) take(line, lineNumber, layout);
    else {
      head.push(line);
      if (line.trim() !== '') headNonBlank += 1;
      if (headNonBlank >= LAYOUT_SAMPLE_LINES) decide();
    }
    while (pending.length >= batchSize) await flush(pending.splice(0, batchSize));
  }
  if (!layout) decide();
  await flush(pending.splice(0));
  await job.flushIssues();
  return { entryName: entry.name, layout, linesInFile: lineNumber, eventCodeDescriptions, unknownCodes };
}
