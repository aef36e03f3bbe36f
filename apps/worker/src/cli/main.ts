import { Command, CommanderError } from 'commander';
import { AppError, EnvError } from '@patentrack/shared';
import { cliCommands } from './commands';

/** Builds the `patentrack` program from the command registry. */
export function buildProgram(): Command {
  const program = new Command('patentrack')
    .description('PatenTrack3 command line: database, ingestion, pipeline and operations')
    .showHelpAfterError()
    .exitOverride();
  for (const register of cliCommands) register(program);
  return program;
}

/** Entry point; returns the process exit code instead of exiting so tests can call it in-process. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof EnvError || error instanceof AppError) {
      process.stderr.write(`patentrack: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `patentrack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
