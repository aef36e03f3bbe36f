import type { Command } from 'commander';
import type { FileIngestionOptions, FileIngestionResult, ProgressListener } from '@patentrack/ingestion';
import { ingestGroup, jsonLine, progressBar, summaryLine } from './ingest-assignments';

type Ingestion = typeof import('@patentrack/ingestion');

/** What a file command hands its source's loader: the shared load options plus a progress bar when interactive. */
export type FileLoadOptions = FileIngestionOptions & { onProgress?: ProgressListener };

export interface FileIngestCommand<CliOptions> {
  name: string;
  description: string;
  argument: string;
  /** Extra options of the command, added after `--json`. */
  configure?: (command: Command) => Command;
  load(
    ingestion: Ingestion,
    options: FileLoadOptions,
    cli: CliOptions & { json?: boolean },
  ): Promise<FileIngestionResult>;
}

/**
 * `patentrack ingest <name> <file-or-url>... [--json]` for a source whose files stand alone: each file loads in
 * the order given with the shared progress bar and summary (or JSON) line, a failed file does not stop the
 * next, and the exit code is 1 if any failed.
 */
export function registerFileIngestCommand<CliOptions>(
  program: Command,
  spec: FileIngestCommand<CliOptions>,
): void {
  const command = ingestGroup(program)
    .command(spec.name)
    .description(spec.description)
    .argument('<file-or-url...>', spec.argument)
    .option('--json', 'print one JSON summary line per file on stdout');
  (spec.configure?.(command) ?? command).action(
    async (sources: string[], cli: CliOptions & { json?: boolean }) => {
      // Loaded on use so `--help` stays fast and works even when a package fails to load.
      const [{ createPool }, ingestion, { loadEnv, workerEnvSchema }] = await Promise.all([
        import('@patentrack/db'),
        import('@patentrack/ingestion'),
        import('@patentrack/shared'),
      ]);
      const env = loadEnv(workerEnvSchema);
      const pool = createPool(env.DATABASE_URL_WORKER, { max: 4 });
      const settings = ingestion.ingestionSettingsFromEnv(env);
      const interactive = Boolean(process.stderr.isTTY) && !cli.json;
      try {
        for (const source of sources) {
          const result = await spec.load(
            ingestion,
            {
              pool,
              source,
              trigger: 'manual',
              ...settings,
              onProgress: interactive
                ? progressBar(Date.now(), source.split('/').pop() ?? source)
                : undefined,
            },
            cli,
          );
          if (interactive) process.stderr.write('\n');
          process.stdout.write(`${cli.json ? jsonLine(result) : summaryLine(source, result)}\n`);
          if (result.status === 'failed' || result.status === 'skipped') process.exitCode = 1;
        }
      } finally {
        await pool.end();
      }
    },
  );
}
