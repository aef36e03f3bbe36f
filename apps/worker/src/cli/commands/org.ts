import type { Command } from 'commander';

const collect = (value: string, previous: string[]) => [...previous, value];

/** `patentrack org create --name <name> --company <name> [--company ...] [--json]`: prints the new org id. */
export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('organizations (tenants) and their tracked companies');
  org
    .command('create')
    .description('create an active organization tracking the given companies')
    .requiredOption('--name <name>', 'organization name')
    .requiredOption('--company <name>', 'a tracked company (repeat for several)', collect, [])
    .option('--json', 'print the organization as JSON')
    .action(async (options: { name: string; company: string[]; json?: boolean }) => {
      const { createOrganization } = await import('@patentrack/pipeline');
      const { withWorkerPool } = await import('../connection');
      const created = await withWorkerPool((pool) =>
        createOrganization(pool, { name: options.name, companies: options.company }),
      );
      process.stdout.write(options.json ? `${JSON.stringify(created)}\n` : `${created.id}\n`);
    });
}
