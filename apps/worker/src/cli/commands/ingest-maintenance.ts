import type { Command } from 'commander';
import { ingestGroup, jsonLine, progressBar, summaryLine } from './ingest-assignments';

/**
 * `patentrack ingest maintenance <file-or-url>...`: loads weekly maintenance-fee files in the order given. Each
 * file is a cumulative snapshot, so a failed one does not stop the next (ingestion.md §3.5); the exit code is 1
 * if any failed.
 */
export function registerIngestMaintenanceCommand(program: Command): void {
  ingestGroup(program)
    .command('maintenance')
    .description(
      'ingest weekly maintenance-fee event files (MaintFeeEvents_*.zip / .txt, fixed-width; paths or URLs)',
    )
    .argument('<file-or-url...>', 'weekly files, oldest first')
    .option('--json', 'print one JSON summary line per file on stdout')
    .action(async (sources: string[], options: { json?: boolean }) => {
      // Loaded on use so `--help` stays fast and works even when a package fails to load.
      const [
        { createPool },
        { ingestionSettingsFromEnv, ingestMaintenanceFile },
        { loadEnv, workerEnvSchema },
      ] = await Promise.all([
        import('@patentrack/db'),
        import('@patentrack/ingestion'),
        import('@patentrack/shared'),
      ]);
      const env = loadEnv(workerEnvSchema);
      const pool = createPool(env.DATABASE_URL_WORKER, { max: 4 });
      const settings = ingestionSettingsFromEnv(env);
      const interactive = Boolean(process.stderr.isTTY) && !options.json;
      try {
        for (const source of sources) {
          const result = await ingestMaintenanceFile({
            pool,
            source,
            trigger: 'manual',
            ...settings,
            onProgress: interactive ? progressBar(Date.now(), source.split('/').pop() ?? source) : undefined,
          });
          if (interactive) process.stderr.write('\n');
          process.stdout.write(`${options.json ? jsonLine(result) : summaryLine(source, result)}\n`);
          if (result.status === 'failed' || result.status === 'skipped') process.exitCode = 1;
        }
      } finally {
        await pool.end();
      }
    });
}
