'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { FormMessage } from '@/components/forms';
import { InlineError, SkeletonRows } from '@/components/States';
import { ApiError, apiData } from '@/lib/api';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLiveEvent } from '@/lib/live-events';
import { useApiData } from '@/lib/queries';
import { RECENT_JOBS_PATH, RecentJobs } from './RecentJobs';

export interface IngestionSource {
  key: string;
  displayName: string | null;
  schedule: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  nextRunAt: string | null;
  status: 'healthy' | 'stale' | 'failing';
  freshness: 'fresh' | 'stale' | 'critical';
  staleDays: number | null;
}

export interface IngestionStatus {
  sources: IngestionSource[];
  activeJobs: number;
  failedJobsLast24h: number;
  queueDepth?: number;
}

/** How long the recent jobs are watched for the row of a job "Run now" queued (the worker writes it on start). */
const QUEUED_JOB_WATCH_MS = 30_000;

const ROW_TONE: Record<string, string> = {
  stale: 'bg-amber-50 dark:bg-amber-950/40',
  critical: 'bg-red-50 dark:bg-red-950/40',
};

/**
 * Ingestion status (B3.2): counters, one row per source with health and "Run now", and the recent jobs;
 * refreshed by live events.
 */
export function IngestionStatus() {
  const queryClient = useQueryClient();
  const status = useApiData<IngestionStatus>('/admin/ingestion/status');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [watchUntil, setWatchUntil] = useState(0);
  const refreshJobs = () => queryClient.invalidateQueries({ queryKey: [RECENT_JOBS_PATH] });
  useLiveEvent((event) => {
    if (event.type === 'ingestion-progress' && !event.data.orgId) {
      void status.refetch();
      void refreshJobs();
    }
  });
  const runNow = async (source: string) => {
    try {
      const job = await apiData<{ jobId: string }>(`/admin/ingestion/sources/${source}/run`, {
        method: 'POST',
        body: {},
      });
      setMessage({ tone: 'success', text: `Job ${job.jobId} queued for ${source}.` });
      setWatchUntil(Date.now() + QUEUED_JOB_WATCH_MS);
      void refreshJobs();
    } catch (caught) {
      setMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'The job was not queued.',
      });
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Ingestion</h1>
        <Link href="/admin/ingestion/jobs" className="btn">
          Job browser
        </Link>
      </div>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      {status.isPending ? (
        <SkeletonRows />
      ) : status.error ? (
        <InlineError error={status.error} />
      ) : (
        <>
          <p className="text-sm">
            Active jobs <strong>{formatCount(status.data.activeJobs)}</strong> · failed in 24 h{' '}
            <strong>{formatCount(status.data.failedJobsLast24h)}</strong>
            {status.data.queueDepth !== undefined && (
              <>
                {' '}
                · queue depth <strong>{formatCount(status.data.queueDepth)}</strong>
              </>
            )}
          </p>
          <div className="overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Last success</th>
                  <th scope="col">Last failure</th>
                  <th scope="col">Status</th>
                  <th scope="col">Freshness</th>
                  <th scope="col">Next run</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {status.data.sources.map((source) => (
                  <tr
                    key={source.key}
                    data-testid="source-row"
                    data-status={source.status}
                    className={ROW_TONE[source.freshness] ?? ''}
                  >
                    <td>
                      {source.displayName ?? source.key}
                      <div className="text-xs muted">{source.key}</div>
                    </td>
                    <td>
                      <code className="text-xs">{source.schedule ?? 'on demand'}</code>
                    </td>
                    <td>{formatDateTime(source.lastSuccessAt)}</td>
                    <td>
                      {formatDateTime(source.lastFailureAt)}
                      {source.lastError && (
                        <details className="text-xs">
                          <summary>Error</summary>
                          <pre className="whitespace-pre-wrap">{source.lastError}</pre>
                        </details>
                      )}
                    </td>
                    <td>{source.status}</td>
                    <td>
                      {source.freshness}
                      {source.staleDays !== null && ` (${source.staleDays} d)`}
                    </td>
                    <td>{formatDateTime(source.nextRunAt)}</td>
                    <td>
                      <button type="button" className="btn" onClick={() => runNow(source.key)}>
                        Run now
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <RecentJobs watchUntil={watchUntil} />
    </div>
  );
}
