'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiData } from './api';
import { useLiveEvent, useLiveEvents } from './live-events';
import { useApiData } from './queries';

export interface ExportStatus {
  status: 'queued' | 'running' | 'success' | 'failed';
  url?: string;
  expiresAt?: string;
  rowCount?: number;
}

/**
 * A running export is polled this often while the live stream is down (Part D), and now and then even while it is
 * up: pub/sub keeps no history, so a `job-complete` sent while the stream reconnects is never delivered.
 */
const POLL_WITHOUT_STREAM_MS = 10_000;
const POLL_WITH_STREAM_MS = 5_000;

/**
 * A server export (#55) started from the browser and followed to its end (#56): `job-complete` on the live stream
 * refreshes its status at once; polling (see above) covers a missed event.
 */
export function useExportJob() {
  const queryClient = useQueryClient();
  const { connected } = useLiveEvents();
  const [jobId, setJobId] = useState<string | null>(null);
  const statusPath = jobId ? `/exports/${jobId}` : null;
  const job = useApiData<ExportStatus>(
    statusPath,
    {},
    {
      refetchInterval: (current) =>
        current.state.data?.status === 'success' || current.state.data?.status === 'failed'
          ? false
          : connected
            ? POLL_WITH_STREAM_MS
            : POLL_WITHOUT_STREAM_MS,
    },
  );
  useLiveEvent((event) => {
    if (event.type === 'job-complete' && event.data.jobId === jobId)
      void queryClient.invalidateQueries({ queryKey: [statusPath] });
  });
  const status = job.data?.status;
  return {
    job,
    running: jobId !== null && status !== 'success' && status !== 'failed',
    start: async (request: { type: string; format: 'csv' | 'pdf'; filters?: Record<string, unknown> }) =>
      setJobId((await apiData<{ jobId: string }>('/exports', { method: 'POST', body: request })).jobId),
  };
}
