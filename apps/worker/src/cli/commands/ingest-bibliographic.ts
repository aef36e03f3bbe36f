import type { Command } from 'commander';
import type { BibliographicFeed } from '@patentrack/ingestion';
import { registerFileIngestCommand } from './ingest-files';

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
    registerFileIngestCommand(program, {
      name: feed,
      description,
      argument: 'weekly files, oldest first',
      load: (ingestion, options) => ingestion.ingestBibliographicFile({ ...options, feed }),
    });
  }
}
