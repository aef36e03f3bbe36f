import type { Command } from 'commander';

/**
 * `patentrack entities group`: the incremental entity resolution batch (BR-018…020), then one coalesced pipeline
 * run per organization tracking a changed entity (ingestion.md §2.10).
 */
export function registerEntitiesCommands(program: Command): void {
  const entities = program.command('entities').description('party names: entities and their representatives');
  entities
    .command('group')
    .description(
      'group entities that have no representative yet into representatives (incremental, keeps admin merges/splits) ' +
        'and enqueue the pipelines of the organizations they affect',
    )
    .option('--chunk-size <n>', 'pending entities handled per round', (value) => Number.parseInt(value, 10))
    .option('--json', 'print a JSON summary line on stdout')
    .action(async (options: { chunkSize?: number; json?: boolean }) => {
      const [{ createPool }, { groupPendingEntities }, { AppError, loadEnv, workerEnvSchema }] =
        await Promise.all([
          import('@patentrack/db'),
          import('@patentrack/ingestion'),
          import('@patentrack/shared'),
        ]);
      const [{ withQueues }, { enqueueOrgRuns }] = await Promise.all([
        import('../connection'),
        import('../../processors/pipeline/enqueue'),
      ]);
      if (options.chunkSize !== undefined && !(options.chunkSize > 0)) {
        throw AppError.validation({ chunkSize: ['expected a positive integer'] });
      }
      const env = loadEnv(workerEnvSchema);
      const pool = createPool(env.DATABASE_URL_WORKER, { max: 2 });
      const startedAt = Date.now();
      try {
        // Queues first: a grouped entity is never revisited, so its organizations must be enqueued in this run.
        await withQueues(async (queues) => {
          const result = await groupPendingEntities(pool, {
            chunkSize: options.chunkSize,
            onProgress: ({ phase, done }) => {
              if (!options.json) process.stderr.write(`\r${phase}: ${done} ${' '.repeat(10)}`);
            },
          });
          if (!options.json) process.stderr.write('\n');
          // A company matched through a changed representative may gain or lose assets: a run from the start.
          const enqueuedRuns = await enqueueOrgRuns(pool, queues, result.affectedOrganizationIds, {
            jobType: 'incremental',
            trigger: 'entities:group',
            startFrom: 'classify',
          });
          const summary = {
            jobId: null,
            status: 'success',
            processed: result.processed,
            inserted: result.representativesCreated,
            updated: result.representativesUpdated,
            unchanged: result.processed - result.changedEntityIds.length,
            failed: 0,
            durationMs: Date.now() - startedAt,
            matched: result.matched,
            grouped: result.grouped,
            affectedOrganizationIds: result.affectedOrganizationIds,
            enqueuedRuns,
          };
          process.stdout.write(
            options.json
              ? `${JSON.stringify(summary)}\n`
              : `entities: ${result.processed} grouped (${result.matched} joined existing representatives, ` +
                  `${result.representativesCreated} new, ${result.representativesUpdated} updated); ` +
                  `${result.affectedOrganizationIds.length} organisation(s) affected, ${enqueuedRuns} pipeline run(s) ` +
                  `enqueued in ${(summary.durationMs / 1000).toFixed(1)} s\n`,
          );
        });
      } finally {
        await pool.end();
      }
    });
}
