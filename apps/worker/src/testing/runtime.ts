import { randomUUID } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import type { Pool } from 'pg';
import { STEP_RUNNERS, type StepRunner } from '@patentrack/pipeline';
import { loadEnv, workerEnvSchema, type PipelineStep } from '@patentrack/shared';
import { startWorkerRuntime, type WorkerRuntime } from '../worker';

export interface StepProbe {
  /** Ordered `start:<step>` / `end:<step>` events of every step execution. */
  events: string[];
  /** Number of failures still to inject per step (`Infinity` = always fail). */
  faults: Partial<Record<PipelineStep, number>>;
  runners: Record<PipelineStep, StepRunner>;
}

/** Real step runners wrapped to record their order and to fail on demand (fault injection). */
export function stepProbe(): StepProbe {
  const probe: StepProbe = { events: [], faults: {}, runners: {} as StepProbe['runners'] };
  for (const [step, runner] of Object.entries(STEP_RUNNERS) as [PipelineStep, StepRunner][]) {
    probe.runners[step] = async (context) => {
      probe.events.push(`start:${step}`);
      try {
        const remaining = probe.faults[step] ?? 0;
        if (remaining > 0) {
          probe.faults[step] = remaining - 1;
          throw new Error(`injected failure of ${step}`);
        }
        return await runner(context);
      } finally {
        probe.events.push(`end:${step}`);
      }
    };
  }
  return probe;
}

/**
 * An in-process worker on its own queue prefix with fast retries, for integration tests. `env` adds worker
 * variables, e.g. `USPTO_ODP_BASE_URL` of a local TestFileServer.
 */
export async function startTestWorker(
  workerUrl: string,
  probe?: StepProbe,
  prefix = `pt-test-${randomUUID()}`,
  env: Record<string, string> = {},
): Promise<WorkerRuntime & { prefix: string }> {
  const workerEnv = loadEnv(workerEnvSchema, {
    NODE_ENV: 'test',
    ...env,
    DATABASE_URL_WORKER: workerUrl,
    QUEUE_PREFIX: prefix,
    CRON_ENABLED: 'false',
  });
  const runtime = await startWorkerRuntime({
    env: workerEnv,
    busyRetryDelayMs: 100,
    backoffDelayMs: 50,
    stepRunners: probe?.runners,
  });
  return { ...runtime, prefix };
}

/** Waits until a run reaches `success` or `failed`. */
export async function waitForRun(pool: Pool, runId: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ status: string }>(
      `select status from processing_jobs where id = $1`,
      [runId],
    );
    const status = rows[0]?.status;
    if (status === 'success' || status === 'failed') return status;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until a queue job completes and returns its return value; fails on a failed job or the timeout. */
export async function jobResult(queue: Queue, job: Job, timeoutMs = 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await job.getState();
    if (state === 'completed') return (await queue.getJob(job.id!))!.returnvalue;
    if (state === 'failed')
      throw new Error(`job ${job.name} failed: ${(await queue.getJob(job.id!))?.failedReason}`);
    if (Date.now() > deadline) throw new Error(`job ${job.name} still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs one tick of a registered cron scheduler now — the job its template describes, with a cron tick's data —
 * and returns the job's result.
 */
export async function schedulerTick(queue: Queue, schedulerId: string): Promise<unknown> {
  const scheduler = await queue.getJobScheduler(schedulerId);
  if (!scheduler?.template?.data) throw new Error(`no scheduler ${schedulerId} with a job template`);
  const job = await queue.add(scheduler.name, scheduler.template.data);
  return jobResult(queue, job);
}
