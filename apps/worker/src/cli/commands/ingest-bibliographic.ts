import type { Command } from 'commander';
import type { BibliographicFeed } from '@patentrack/ingestion';
import { ingestGroup, jsonLine, progressBar, summaryLine } from './ingest-assignments';

const FEEDS: { feed: BibliographicFeed; description: string }[] = [
  {
    feed: 'grants',
    description:
      'ingest weekly grant bibliographic files (ipgb*.zip / ipg*.xml, ZIP, TAR or XML; paths or URLs)',
  },
  {
    feed: 'applications',
    description:
      'ingest weekly application bibliographic files (ipab*.zip / ipa*.xml, ZIP, TAR or XML; paths or URLs)',
  },
];

/**
 * `patentrack ingest grants|applications <file-or-url>...`: loads weekly bibliographic files in the order
 * given. A failed week does not stop the later ones (ingestion.md §2.2); the exit code is 1 if any failed.
 */
export function registerIngestBibliographicCommands(program: Command): void {
  for (const { feed, description } of FEEDS) {
    ingestGroup(program)
      .command(feed)
      .description(description)
      .argument('<file-or-url...>', 'weekly files, oldest first')
      .option('--json', 'print one JSON summary line per file on stdout')
      .action(async (sources: string[], options: { json?: boolean }) => {
        // Loaded on use so `--help` stays fast and works even when a package fails to load.
        const [
          { createPool },
          { ingestionSettingsFromEnv, ingestBibliographicFile },
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
            const result = await ingestBibliographicFile({
              pool,
              source,
              feed,
              trigger: 'manual',
              ...settings,
              onProgress: interactive
                ? progressBar(Date.now(), source.split('/').pop() ?? source)
                : undefined,
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
}
