import type { Command } from 'commander';
import { registerDbCommands } from './db';
import { registerWorkerCommand } from './worker';
import { registerIngestAssignmentsCommand } from './ingest-assignments';

/** Every CLI command group; each registers its sub-commands on the root program. */
export const cliCommands: ((program: Command) => void)[] = [registerDbCommands, registerWorkerCommand, registerIngestAssignmentsCommand];
