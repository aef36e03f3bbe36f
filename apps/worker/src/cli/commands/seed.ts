import type { Command } from 'commander';

/** `patentrack seed demo [--if-missing] [--json]`: the demo tenant, its data and its admin login. */
export function registerSeedCommands(program: Command): void {
  const seed = program.command('seed').description('demo and sample data');
  seed
    .command('demo')
    .description(
      'load the sample files and worked title examples, create the demo organization and admin login, run its pipeline',
    )
    .option('--if-missing', 'do nothing when the demo organization already exists')
    .option('--json', 'print a JSON summary as the last line')
    .action(async (options: { ifMissing?: boolean; json?: boolean }) => {
      const { seedDemo } = await import('../../seed/demo');
      const { withWorkerPool } = await import('../connection');
      const result = await withWorkerPool((pool) =>
        seedDemo(pool, {
          ifMissing: options.ifMissing,
          log: (message) => process.stderr.write(`[seed] ${message}\n`),
        }),
      );
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ orgId: result.orgId, seeded: result.seeded, runStatus: result.run?.status ?? null, admin: result.admin })}\n`,
        );
        return;
      }
      process.stdout.write(
        result.seeded
          ? `Demo organization ${result.orgId} seeded (pipeline ${result.run?.status}).\n`
          : `Demo organization ${result.orgId} already exists.\n`,
      );
      if (result.admin.password)
        process.stdout.write(
          `Demo login: ${result.admin.email} / ${result.admin.password} (saved in .env.local as DEMO_ADMIN_PASSWORD)\n`,
        );
      if (result.run && result.run.status !== 'success') process.exitCode = 1;
    });
}
