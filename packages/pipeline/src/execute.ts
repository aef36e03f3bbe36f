import { PIPELINE_STEPS, type PipelineStep } from '@patentrack/shared';
import type { Pool } from './db';
import {
  claimRun,
  finishRun,
  markStepFinished,
  markStepRunning,
  nextStepGroup,
  requestOrgRun,
  type ProcessingJobType,
} from './runs';
import { STEP_RUNNERS, type StepOutcome, type StepRunner } from './steps';

/** What a step reports while it runs; the worker turns these into pub/sub events and metrics. */
export interface StepEvent {
  runId: string;
  orgId: string;
  step: PipelineStep;
  status: 'started' | 'finished' | 'failed';
  /** Fraction of the run's steps done after this event, 0…1. */
  progress: number;
  durationMs?: number;
  outcome?: StepOutcome;
  error?: string;
}

export interface ExecuteOptions {
  onStepEvent?: (event: StepEvent) => void | Promise<void>;
  /** Step implementations; defaults to the real ones (tests inject faults here). */
  runners?: Partial<Record<PipelineStep, StepRunner>>;
}

const progressAfter = (step: PipelineStep) => (PIPELINE_STEPS.indexOf(step) + 1) / PIPELINE_STEPS.length;

/**
 * Runs one step of a run and records it in `processing_steps` (status, records, duration, metrics).
 * The step writes its own output in one transaction per (org, company) scope, so a failure leaves the
 * previous output in place and re-running the step is safe.
 */
export async function executeStep(
  pool: Pool,
  run: { runId: string; orgId: string },
  step: PipelineStep,
  options: ExecuteOptions = {},
): Promise<StepOutcome> {
  const runner = options.runners?.[step] ?? STEP_RUNNERS[step];
  const emit = async (event: Omit<StepEvent, 'runId' | 'orgId'>) =>
    options.onStepEvent?.({ runId: run.runId, orgId: run.orgId, ...event });
  await markStepRunning(pool, run, step);
  await emit({ step, status: 'started', progress: progressAfter(step) - 1 / PIPELINE_STEPS.length });
  const started = performance.now();
  try {
    const outcome = await runner({ pool, orgId: run.orgId, runId: run.runId });
    const durationMs = Math.round(performance.now() - started);
    await markStepFinished(pool, run, step, {
      status: 'success',
      recordsProcessed: outcome.recordsProcessed,
      metrics: { ...outcome.metrics, durationMs },
    });
    await emit({ step, status: 'finished', progress: progressAfter(step), durationMs, outcome });
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const durationMs = Math.round(performance.now() - started);
    await markStepFinished(pool, run, step, {
      status: 'failed',
      recordsProcessed: 0,
      metrics: { durationMs },
      error: message,
    });
    await emit({ step, status: 'failed', progress: progressAfter(step), durationMs, error: message });
    throw error;
  }
}

export interface InlineRunResult {
  runId: string;
  status: 'success' | 'failed';
  failedStep?: PipelineStep;
  durationMs: number;
  steps: { step: PipelineStep; recordsProcessed: number; durationMs: number }[];
}

/**
 * Runs an organization's pipeline in this process (CLI, seed, benchmark): the same DAG and bookkeeping as
 * the queue, with the steps of a group run concurrently. Fails with a clear message if a run of the org is
 * already running elsewhere.
 */
export async function runPipelineInline(
  pool: Pool,
  request: {
    orgId: string;
    from?: PipelineStep;
    jobType?: ProcessingJobType;
    trigger?: string;
    sourceIngestionJobIds?: string[];
  },
  options: ExecuteOptions = {},
): Promise<InlineRunResult> {
  const started = performance.now();
  const { runId } = await requestOrgRun(pool, {
    orgId: request.orgId,
    jobType: request.jobType ?? 'manual',
    trigger: request.trigger ?? 'cli',
    startFrom: request.from ?? 'classify',
    sourceIngestionJobIds: request.sourceIngestionJobIds,
  });
  const run = { runId, orgId: request.orgId };
  const claim = await claimRun(pool, run, null);
  if (claim === 'busy') throw new PipelineBusyError(request.orgId);
  const steps: InlineRunResult['steps'] = [];
  const record: ExecuteOptions['onStepEvent'] = async (event) => {
    if (event.status === 'finished') {
      steps.push({
        step: event.step,
        recordsProcessed: event.outcome?.recordsProcessed ?? 0,
        durationMs: event.durationMs ?? 0,
      });
    }
    await options.onStepEvent?.(event);
  };
  for (let group = await nextStepGroup(pool, run); group; group = await nextStepGroup(pool, run)) {
    const results = await Promise.allSettled(
      group.map((step) => executeStep(pool, run, step, { ...options, onStepEvent: record })),
    );
    const failedIndex = results.findIndex((r) => r.status === 'rejected');
    if (failedIndex >= 0) {
      const failure = results[failedIndex] as PromiseRejectedResult;
      const message = failure.reason instanceof Error ? failure.reason.message : String(failure.reason);
      await finishRun(pool, run, { status: 'failed', error: message });
      return {
        runId,
        status: 'failed',
        failedStep: group[failedIndex],
        durationMs: Math.round(performance.now() - started),
        steps,
      };
    }
  }
  const durationMs = Math.round(performance.now() - started);
  await finishRun(pool, run, { status: 'success', summary: { durationMs } });
  return { runId, status: 'success', durationMs, steps };
}

/** Another run of the organization is in progress; the caller may retry later. */
export class PipelineBusyError extends Error {
  constructor(readonly orgId: string) {
    super(`a pipeline run of organization ${orgId} is already running`);
    this.name = 'PipelineBusyError';
  }
}
