'use client';

import { PIPELINE_STEP_GROUPS } from '@patentrack/shared';

export interface PipelineStepState {
  name: string;
  status: 'pending' | 'running' | 'success' | 'failed' | string;
  progress?: number;
  error?: string | null;
}

const ICON: Record<string, string> = { success: '✔', failed: '✖', running: '…', pending: '○' };

/**
 * The 8 pipeline steps (B3.1), parallel groups side by side (`tree‖timeline`, `dashboard‖summary`); each step
 * shows its state as text and icon, never colour alone.
 */
export function PipelineSteps({
  steps,
  onRestart,
}: {
  steps: PipelineStepState[];
  onRestart?: (step: string) => void;
}) {
  const byName = new Map(steps.map((step) => [step.name, step]));
  return (
    <ol className="flex flex-wrap items-stretch gap-2" aria-label="Pipeline steps">
      {PIPELINE_STEP_GROUPS.map((group) => (
        <li key={group.join('+')} className="flex flex-col gap-1">
          {group.map((name) => {
            const step = byName.get(name) ?? { name, status: 'pending' };
            const tone =
              step.status === 'success'
                ? 'border-green-600 text-green-900 dark:text-green-200'
                : step.status === 'failed'
                  ? 'border-red-600 text-red-900 dark:text-red-200'
                  : step.status === 'running'
                    ? 'border-blue-600 text-blue-900 dark:text-blue-200'
                    : 'border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300';
            return (
              <div
                key={name}
                data-testid={`pipeline-step-${name}`}
                data-status={step.status}
                className={`rounded-md border-2 px-2 py-1 text-xs ${tone}`}
              >
                <span aria-hidden="true">{ICON[step.status] ?? '○'} </span>
                {name}
                <span className="sr-only"> {step.status}</span>
                {step.status === 'running' &&
                  step.progress !== undefined &&
                  ` ${Math.round(step.progress * 100)}%`}
                {step.status === 'failed' && step.error && <p className="mt-1 max-w-48">{step.error}</p>}
                {step.status === 'failed' && onRestart && (
                  <button type="button" className="link mt-1 block" onClick={() => onRestart(name)}>
                    Restart from this step
                  </button>
                )}
              </div>
            );
          })}
        </li>
      ))}
    </ol>
  );
}
