import type { Command } from 'commander';
import { registerDbCommands } from './db';
import { registerWorkerCommand } from './worker';
import { registerOrgCommands } from './org';
import { registerPipelineCommands } from './pipeline';
import { registerSeedCommands } from './seed';
import { registerTitleCommand } from './title';
import { registerIngestAssignmentsCommand } from './ingest-assignments';

/** Every CLI command group; each registers its sub-commands on the root program. */
export const cliCommands: ((program: Command) => void)[] = [registerDbCommands, registerWorkerCommand, registerIngestAssignmentsCommand, registerOrgCommands, registerPipelineCommands, registerTitleCommand, registerSeedCommands];
