'use client';

import Link from 'next/link';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { jobRecords, type IngestionJob } from './jobs/IngestionJobs';

export const RECENT_JOBS_PATH = '/admin/ingestion/jobs';
const RECENT_JOBS_QUERY = { limit: 10 };
const UNFINISHED = new Set(['pending', 'running']);

/**
 * The latest file loads with their counters (B3.2). A job's counters grow with every committed batch, which
 * publishes no live event, so the list polls while a job is unfinished — and until `watchUntil` (ms), long
 * enough for the worker to pick up a job just queued by "Run now" and write its row.
 */
export function RecentJobs({ watchUntil }: { watchUntil: number }) {
  const jobs = useApiData<IngestionJob[]>(RECENT_JOBS_PATH, RECENT_JOBS_QUERY, {
    refetchInterval: (query) =>
      query.state.data?.some((job) => UNFINISHED.has(job.status)) || Date.now() < watchUntil ? 1_000 : false,
  });
  return (
    <section className="flex flex-col gap-2" aria-labelledby="recent-jobs-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="recent-jobs-heading" className="text-lg font-semibold">
          Recent jobs
        </h2>
        <Link href="/admin/ingestion/jobs" className="link text-sm">
          All jobs
        </Link>
      </div>
      {jobs.isPending ? (
        <SkeletonRows rows={3} />
      ) : jobs.error ? (
        <InlineError error={jobs.error} />
      ) : jobs.data.length === 0 ? (
        <EmptyState title="No ingestion jobs yet">Run a source now to load its new files.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="table" aria-label="Recent ingestion jobs">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col">Records</th>
                <th scope="col">Started</th>
                <th scope="col">Failure</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((job) => (
                <tr
                  key={job.id}
                  data-testid="recent-job"
                  data-job-id={job.id}
                  data-status={job.status}
                  data-file={job.fileName ?? ''}
                >
                  <td>{job.jobType}</td>
                  <td>{job.fileName ?? '—'}</td>
                  <td>{job.status}</td>
                  <td data-testid="recent-job-records" data-value={job.recordsProcessed}>
                    {jobRecords(job)}
                  </td>
                  <td>{formatDateTime(job.startedAt)}</td>
                  <td>{job.failureReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
