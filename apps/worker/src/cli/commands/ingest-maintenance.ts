import type { Command } from 'commander';
import { registerFileIngestCommand } from './ingest-files';

/**
 * `patentrack ingest maintenance <file-or-url>...`: loads weekly maintenance-fee files in the order given. Each
 * file is a cumulative snapshot, so a failed one does not stop the next (ingestion.md §3.5).
 */
export function registerIngestMaintenanceCommand(program: Command): void {
  registerFileIngestCommand(program, {
    name: 'maintenance',
    description:
      'ingest weekly maintenance-fee event files (MaintFeeEvents_*.zip / .txt, fixed-width; paths or URLs)',
    argument: 'weekly files, oldest first',
    load: (ingestion, options) => ingestion.ingestMaintenanceFile(options),
  });
}
