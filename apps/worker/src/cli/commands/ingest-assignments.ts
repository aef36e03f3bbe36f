import type { Command } from 'commander';
import { createPool } from '@patentrack/db';
import {
  ingestionSettingsFromEnv,
  IngestionError,
  ingestAssignmentFile,
  type IngestAssignmentsResult,
  type ProgressEvent,
} from '@patentrack/ingestion';
import { AppError, loadEnv, workerEnvSchema } from '@patentrack/shared';

interface IngestAssignmentsCliOptions {
  date?: string;
  json?: boolean;
}

/** The `ingest` command group, shared by every source's sub-command. */
export function ingestGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'ingest') ??
    program.command('ingest').description('load public USPTO/EPO source files into the database')
  );
}

/** Draws a one-line progress bar on stderr: bytes read, records and records per second. */
export function progressBar(startedAt: number, label: string): (event: ProgressEvent) => void {
  let lastDraw = 0;
  return ({ bytesRead, bytesTotal, records }) => {
    const now = Date.now();
    if (now - lastDraw < 200) return;
    lastDraw = now;
    const seconds = Math.max((now - startedAt) / 1000, 0.001);
    const share = bytesTotal > 0 ? Math.min(bytesRead / bytesTotal, 1) : 0;
    const filled = Math.round(share * 30);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(30 - filled)}`;
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    process.stderr.write(
      `\r${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${mb(bytesRead)}/${mb(bytesTotal)} MB ` +
        `${records} records ${Math.round(records / seconds)} rec/s\x1b[K`,
    );
  };
}

export function summaryLine(source: string, result: IngestAssignmentsResult): string {
  if (result.status === 'skipped') return `${source}: skipped (${result.reason})`;
  const counts =
    `processed ${result.processed}: inserted ${result.inserted}, updated ${result.updated}, ` +
    `unchanged ${result.unchanged}, skipped ${result.skipped}, failed ${result.failed}, warned ${result.warned}`;
  const failure = result.errorMessage ? ` — ${result.errorClass}: ${result.errorMessage}` : '';
  return `${source}: ${result.status} (job ${result.jobId}) ${counts} in ${(result.durationMs / 1000).toFixed(1)} s${failure}`;
}

export function jsonLine(result: IngestAssignmentsResult): string {
  if (result.status === 'skipped')
    return JSON.stringify({ jobId: null, status: 'skipped', reason: result.reason });
  const { jobId, status, processed, inserted, updated, unchanged, failed, durationMs } = result;
  return JSON.stringify({ jobId, status, processed, inserted, updated, unchanged, failed, durationMs });
}

/** `patentrack ingest assignments <file-or-url>...`: loads daily assignment files in the order given. */
export function registerIngestAssignmentsCommand(program: Command): void {
  ingestGroup(program)
    .command('assignments')
    .description(
      'ingest USPTO daily assignment files (ZIP or XML, local paths or URLs), stopping at the first failure',
    )
    .argument('<file-or-url...>', 'ad{YYYYMMDD}.zip / .xml files or URLs, oldest first')
    .option('--date <YYYY-MM-DD>', 'file date, when the file name does not carry it')
    .option('--json', 'print one JSON summary line per file on stdout')
    .action(async (sources: string[], options: IngestAssignmentsCliOptions) => {
      if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
        throw AppError.validation({ date: ['expected YYYY-MM-DD'] });
      }
      if (options.date !== undefined && sources.length > 1) {
        throw AppError.validation({ date: ['--date applies to a single file'] });
      }
      const env = loadEnv(workerEnvSchema);
      const pool = createPool(env.DATABASE_URL_WORKER, { max: 4 });
      const settings = ingestionSettingsFromEnv(env);
      const interactive = Boolean(process.stderr.isTTY) && !options.json;
      try {
        for (const source of sources) {
          const result = await ingestAssignmentFile({
            pool,
            source,
            fileDate: options.date,
            trigger: 'manual',
            ...settings,
            onProgress: interactive ? progressBar(Date.now(), source.split('/').pop() ?? source) : undefined,
          });
          if (interactive) process.stderr.write('\n');
          process.stdout.write(`${options.json ? jsonLine(result) : summaryLine(source, result)}\n`);
          // Later files may update the same rf_ids, so the run stops at the first file that did not load.
          if (result.status === 'skipped') throw IngestionError.transient(`${source}: ${result.reason}`);
          if (result.status === 'failed') {
            throw new IngestionError(
              result.errorClass ?? 'transient',
              `${source}: ${result.errorMessage ?? 'failed'}`,
            );
          }
        }
      } finally {
        await pool.end();
      }
    });
}
