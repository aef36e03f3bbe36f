import type { Command } from 'commander';

/** `patentrack worker`: the long-running queue consumer and scheduler that `npm start` runs. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the background worker (queues, schedules, pipelines) until SIGTERM')
    .action(async () => {
      const { runWorker } = await import('../../worker');
      await runWorker();
    });
}
