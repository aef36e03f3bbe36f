import type { Command } from 'commander';
import { LOCAL_DEFAULTS } from '@patentrack/shared';

/** `patentrack db migrate`: creates roles and the database if missing, then applies pending migrations. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('create roles and database if missing, then apply pending SQL migrations (idempotent)')
    .option('--json', 'print a JSON summary line')
    .action(async (options: { json?: boolean }) => {
      // Loaded on use so `--help` stays fast and works even when a package fails to load.
      const { ensureDatabase, migrate } = await import('@patentrack/db/migrate');
      const adminUrl = process.env.DATABASE_URL ?? LOCAL_DEFAULTS.DATABASE_URL;
      await ensureDatabase(adminUrl);
      const log = options.json ? () => undefined : (message: string) => process.stderr.write(`${message}\n`);
      const { applied } = await migrate(adminUrl, { log });
      if (options.json) process.stdout.write(`${JSON.stringify({ applied })}\n`);
      else
        process.stdout.write(
          applied.length ? `Applied ${applied.length} migration(s).\n` : 'Database is up to date.\n',
        );
    });
}
