'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DataList } from '@/components/DataList';
import { FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { formatCount, formatDateTime } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';

/** A row of `/admin/ingestion/jobs`: one file load of a source. */
export interface IngestionJob {
  id: string;
  jobType: string;
  status: string;
  attempts: number;
  fileName: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  durationMs: number | null;
  recordsProcessed: number;
  recordsFailed: number;
  failureReason: string | null;
  payload: unknown;
}

/** Records a job has processed so far, with its failed ones. */
export const jobRecords = (job: IngestionJob) =>
  `${formatCount(job.recordsProcessed)}${job.recordsFailed ? ` (${formatCount(job.recordsFailed)} failed)` : ''}`;

/** Job browser (B3): filters in the URL, "Retry" only on failed jobs. */
export function IngestionJobs() {
  const [filters, setFilters] = useUrlState(
    { status: '', jobType: '' },
    { status: ['pending', 'running', 'success', 'failed', 'partial'] },
  );
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const retry = async (jobId: string) => {
    try {
      await apiData(`/admin/ingestion/jobs/${jobId}/retry`, { method: 'POST' });
      setMessage({ tone: 'success', text: `Job ${jobId} is waiting to run again.` });
      void queryClient.invalidateQueries({ queryKey: ['/admin/ingestion/jobs'] });
    } catch (caught) {
      setMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'The job was not retried.',
      });
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Ingestion jobs</h1>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <div className="flex flex-wrap gap-3">
        <div>
          <label htmlFor="job-status" className="label">
            Status
          </label>
          <select
            id="job-status"
            className="input"
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value })}
          >
            <option value="">Any</option>
            {['pending', 'running', 'success', 'failed', 'partial'].map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="job-type" className="label">
            Source
          </label>
          <input
            id="job-type"
            className="input"
            defaultValue={filters.jobType}
            key={filters.jobType}
            onBlur={(event) => setFilters({ jobType: event.target.value.trim() })}
          />
        </div>
      </div>
      <DataList<IngestionJob>
        path="/admin/ingestion/jobs"
        query={filters}
        label="Ingestion jobs"
        emptyTitle="No jobs match"
        rowKey={(row) => row.id}
        columns={[
          { header: 'Job', cell: (row) => <code className="text-xs">{row.id}</code> },
          { header: 'Source', cell: (row) => row.jobType },
          { header: 'Status', cell: (row) => row.status },
          { header: 'Records', cell: jobRecords },
          { header: 'Attempts', cell: (row) => formatCount(row.attempts) },
          { header: 'Started', cell: (row) => formatDateTime(row.startedAt) },
          {
            header: 'Duration',
            cell: (row) => (row.durationMs === null ? '—' : `${(row.durationMs / 1000).toFixed(1)} s`),
          },
          { header: 'Failure', cell: (row) => row.failureReason ?? '' },
          {
            header: 'Payload',
            cell: (row) => (
              <details className="text-xs">
                <summary>JSON</summary>
                <pre className="max-w-xs whitespace-pre-wrap">{JSON.stringify(row.payload, null, 2)}</pre>
              </details>
            ),
          },
          {
            header: 'Actions',
            cell: (row) =>
              row.status === 'failed' ? (
                <button type="button" className="btn" onClick={() => retry(row.id)}>
                  Retry
                </button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
