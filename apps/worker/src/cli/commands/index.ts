import type { Command } from 'commander';
import { registerDbCommands } from './db';
import { registerWorkerCommand } from './worker';
import { registerOrgCommands } from './org';
import { registerPipelineCommands } from './pipeline';
import { registerSeedCommands } from './seed';
import { registerTitleCommand } from './title';
import { registerIngestAssignmentsCommand } from './ingest-assignments';
import { registerIngestBibliographicCommands } from './ingest-bibliographic';
import { registerIngestMaintenanceCommand } from './ingest-maintenance';
import { registerIngestCpcCommands } from './ingest-cpc';
import { registerEntitiesCommands } from './entities';
import { registerEpoCommands } from './epo';
import { registerEnrichCommands } from './enrich';

/** Every CLI command group; each registers its sub-commands on the root program. */
export const cliCommands: ((program: Command) => void)[] = [
  registerDbCommands,
  registerWorkerCommand,
  registerIngestAssignmentsCommand,
  registerIngestBibliographicCommands,
  registerIngestMaintenanceCommand,
  registerIngestCpcCommands,
  registerEntitiesCommands,
  registerEpoCommands,
  registerEnrichCommands,
  registerOrgCommands,
  registerPipelineCommands,
  registerTitleCommand,
  registerSeedCommands,
];
