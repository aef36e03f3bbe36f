import type { Command } from 'commander';
import { AppError } from '@patentrack/shared';

/**
 * `patentrack enrich company --org <id> --company <id> [--json]`: an admin's re-enrichment (ingestion.md §3.7).
 * It enqueues `enrich:company` for the running worker, so the provider keys, breakers and cache stay there.
 */
export function registerEnrichCommands(program: Command): void {
  const enrich = program.command('enrich').description('company logo and domain enrichment');
  enrich
    .command('company')
    .description('enqueue the enrichment of one company: domain by name if unknown, then its logo')
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--company <id>', 'company id')
    .option('--json', 'print the queued job as one JSON line')
    .action(async (options: { org: string; company: string; json?: boolean }) => {
      const { enrichCompanyPayload } = await import('../../processors/enrichment/company');
      const parsed = enrichCompanyPayload.safeParse({
        organizationId: options.org,
        companyId: options.company,
      });
      if (!parsed.success) throw new AppError('BAD_REQUEST', '--org and --company must be UUIDs');
      const { printQueued, withQueues, withWorkerPool } = await import('../connection');
      const { rowCount } = await withWorkerPool((pool) =>
        pool.query(`select 1 from companies where organization_id = $1 and id = $2 and deleted_at is null`, [
          parsed.data.organizationId,
          parsed.data.companyId,
        ]),
      );
      if (!rowCount) throw AppError.notFound('Company');
      const job = await withQueues((queues) => queues.enrichment.add('enrich:company', parsed.data));
      printQueued('enrichment', job, options.json);
    });
}
