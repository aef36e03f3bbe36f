import type { Command } from 'commander';

/**
 * `patentrack epo sweep [--json]`: the admin trigger of the EPO family sweep (ingestion.md §3.6). It enqueues
 * `ingest:epo-sweep` for the running worker, which selects the due assets and queues their look-ups at the
 * OPS pace; nothing is fetched in this process, so the shared token, throttle and quota pause stay in one place.
 */
export function registerEpoCommands(program: Command): void {
  const epo = program.command('epo').description('EPO OPS patent families');
  epo
    .command('sweep')
    .description('enqueue the family sweep: look up every asset never looked up or due for a refresh')
    .option('--json', 'print the queued job as one JSON line')
    .action(async (options: { json?: boolean }) => {
      const { printQueued, withQueues } = await import('../connection');
      const job = await withQueues((queues) => queues.epo.add('ingest:epo-sweep', { trigger: 'manual' }));
      printQueued('epo', job, options.json);
    });
}
