'use client';

import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/queries';

interface PipelineStatus {
  status: string;
  run: { id: string } | null;
  lastCompletedAt: string | null;
}

const UNFINISHED = new Set(['pending', 'running']);

/**
 * Whether the organization's ownership data is being recomputed, for pages whose edits re-run its pipeline. A
 * finished run refreshes every query through the live stream; polling while a run is unfinished keeps the line
 * right when the stream is reconnecting.
 */
export function RecomputeStatus({ orgId }: { orgId: string }) {
  const pipeline = useApiData<PipelineStatus>(
    `/organizations/${orgId}/pipeline`,
    {},
    { refetchInterval: (query) => (UNFINISHED.has(query.state.data?.status ?? '') ? 2_000 : false) },
  );
  if (!pipeline.data) return null;
  const running = UNFINISHED.has(pipeline.data.status);
  return (
    <p
      role="status"
      className="text-sm muted"
      data-testid="recompute-status"
      data-status={pipeline.data.status}
      data-run-id={pipeline.data.run?.id ?? ''}
    >
      {running
        ? 'Ownership data is being recomputed…'
        : pipeline.data.status === 'failed'
          ? 'The last recomputation failed; an administrator has been notified in the admin panel.'
          : `Ownership data computed ${formatDateTime(pipeline.data.lastCompletedAt)}.`}
    </p>
  );
}
