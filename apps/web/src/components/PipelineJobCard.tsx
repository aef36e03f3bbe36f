'use client';

import { useEffect, useState } from 'react';
import { useLiveEvent } from '@/lib/live-events';
import { useApiData } from '@/lib/queries';
import type { PipelineStepState } from './PipelineSteps';

interface PipelineStatus {
  status: string;
  run: { id: string; progress: number; startedAt: string | null; steps: PipelineStepState[] } | null;
}

const FINISHED = new Set(['success', 'failed']);

function useElapsedSeconds(since: number, running: boolean): number {
  const [now, setNow] = useState(since);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.round((now - since) / 1000));
}

/**
 * `job-card` of a queued pipeline run (Part D "Long jobs"): title, progress, current step and elapsed time. The
 * 202 carries only the queue's job id, and the run row appears once the worker takes it, so the card waits for a
 * run other than `previousRunId` (the one before the request) and polls every 2 s, the fallback the live stream's
 * `pipeline-complete` only shortens.
 */
export function PipelineJobCard({
  orgId,
  title,
  previousRunId,
  requestedAt,
  onFinish,
}: {
  orgId: string;
  title: string;
  previousRunId: string | null;
  requestedAt: number;
  onFinish: (status: 'success' | 'failed') => void;
}) {
  const pipeline = useApiData<PipelineStatus>(
    `/organizations/${orgId}/pipeline`,
    {},
    { refetchInterval: 2_000 },
  );
  useLiveEvent((event) => {
    if (event.type === 'pipeline-complete' && event.data.orgId === orgId) void pipeline.refetch();
  });
  const run = pipeline.data?.run?.id !== previousRunId ? pipeline.data?.run : null;
  const status = run ? (pipeline.data?.status ?? 'pending') : 'queued';
  const finished = FINISHED.has(status);
  const elapsed = useElapsedSeconds(requestedAt, !finished);
  useEffect(() => {
    if (status === 'success' || status === 'failed') onFinish(status);
    // Reported once per finished run; the callback's identity does not matter.
  }, [status]);
  const step = run?.steps.find((candidate) => candidate.status === 'running')?.name;
  const percent = Math.round((run?.progress ?? 0) * 100);
  return (
    <section
      className="card flex flex-col gap-2"
      data-testid="job-card"
      data-status={status}
      aria-live="polite"
    >
      <h2 className="font-semibold">{title}</h2>
      <progress
        className="w-full"
        max={100}
        value={finished ? 100 : percent}
        aria-label={`${title} progress`}
      />
      <p className="text-sm muted">
        {status === 'queued' ? 'Waiting for a worker' : `${status}${step ? ` · step ${step}` : ''}`} ·{' '}
        {percent}% · {elapsed} s
      </p>
    </section>
  );
}
