import type { Command } from 'commander';

/** `patentrack title --org <id> --patent <number> --json`: the asset's `asset_title_status` row(s). */
export function registerTitleCommand(program: Command): void {
  program
    .command('title')
    .description("print an asset's chain-of-title verdict (one row per tracked company)")
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--patent <number>', 'grant or application number, any usual notation')
    .option('--json', 'print JSON (the default output format)')
    .action(async (options: { org: string; patent: string; json?: boolean }) => {
      const { titleStatusForPatent } = await import('@patentrack/pipeline');
      const { withWorkerPool } = await import('../connection');
      const rows = await withWorkerPool((pool) => titleStatusForPatent(pool, options.org, options.patent));
      process.stdout.write(`${JSON.stringify(rows, null, options.json ? undefined : 2)}\n`);
      if (rows.length === 0) process.exitCode = 1;
    });
}
