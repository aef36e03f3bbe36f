import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { InlineRunResult } from '@patentrack/pipeline';
import { loadEnv, PIPELINE_STEPS, workerEnvSchema, type PipelineStep } from '@patentrack/shared';

const parseStep = (value: string): PipelineStep => {
  if (!(PIPELINE_STEPS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${PIPELINE_STEPS.join(', ')}`);
  }
  return value as PipelineStep;
};

/** `patentrack pipeline run --org <id> [--from <step>] [--json]`: runs an organization's pipeline inline. */
export function registerPipelineCommands(program: Command): void {
  const pipeline = program.command('pipeline').description('the per-organization pipeline (8-step DAG)');
  pipeline
    .command('run')
    .description('run the pipeline of one organization in this process, printing progress per step')
    .requiredOption('--org <id>', 'organization id')
    .option('--from <step>', `first step (${PIPELINE_STEPS.join(', ')})`, parseStep)
    .option('--json', 'print a JSON summary as the last line')
    .action(async (options: { org: string; from?: PipelineStep; json?: boolean }) => {
      const { runPipelineInline } = await import('@patentrack/pipeline');
      const { withWorkerPool } = await import('../connection');
      const result = await withWorkerPool((pool) =>
        runPipelineInline(
          pool,
          { orgId: options.org, from: options.from },
          {
            onStepEvent: (event) => {
              const detail =
                event.status === 'finished'
                  ? ` ${event.outcome?.recordsProcessed ?? 0} records in ${event.durationMs} ms`
                  : event.error
                    ? ` ${event.error}`
                    : '';
              process.stderr.write(
                `[${Math.round(event.progress * 100)}%] ${event.step} ${event.status}${detail}\n`,
              );
            },
          },
        ),
      );
      await announceRun(options.org, result);
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stdout.write(`Run ${result.runId}: ${result.status} in ${result.durationMs} ms\n`);
      if (result.status !== 'success') process.exitCode = 1;
    });
}

/** As a queued run does: the organization's cached views are dropped and live clients hear the outcome. */
async function announceRun(orgId: string, result: InlineRunResult): Promise<void> {
  const { Redis } = await import('ioredis');
  const { invalidateOrgCache, publishOrgEvent } = await import('../../live/events');
  const redis = new Redis(loadEnv(workerEnvSchema).REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    await invalidateOrgCache(redis, orgId);
    await publishOrgEvent(redis, orgId, {
      type: 'pipeline-complete',
      data: {
        orgId,
        pipelineId: result.runId,
        status: result.status,
        failedStep: result.failedStep,
        duration: result.durationMs,
      },
    });
  } finally {
    redis.disconnect();
  }
}
