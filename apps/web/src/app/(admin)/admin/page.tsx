'use client';

import Link from 'next/link';
import { useState } from 'react';
import { InlineError, SkeletonRows } from '@/components/States';
import type { Page } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { useLiveEvent } from '@/lib/live-events';
import { useApiBody, useApiData } from '@/lib/queries';
import type { AdminOrganization } from './organizations/AdminOrganizations';
import type { IngestionStatus } from './ingestion/IngestionStatus';

/** Admin overview (B3): organizations by status, ingestion counters, source-health chips, live completions. */
export default function AdminOverviewPage() {
  const orgs = useApiBody<Page<AdminOrganization>>('/admin/organizations', { limit: 100 });
  const ingestion = useApiData<IngestionStatus>('/admin/ingestion/status');
  const [completions, setCompletions] = useState<string[]>([]);
  useLiveEvent((event) => {
    if (event.type === 'pipeline-complete') {
      setCompletions((list) =>
        [
          `Pipeline ${event.data.status} for organization ${event.data.orgId} in ${Math.round(event.data.duration / 1000)} s`,
          ...list,
        ].slice(0, 10),
      );
    }
  });
  const byStatus = new Map<string, number>();
  for (const org of orgs.data?.data ?? []) byStatus.set(org.status, (byStatus.get(org.status) ?? 0) + 1);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Admin overview</h1>
      <section aria-labelledby="orgs-heading" className="card">
        <h2 id="orgs-heading" className="mb-2 font-semibold">
          Organizations
        </h2>
        {orgs.isPending ? (
          <SkeletonRows rows={2} />
        ) : orgs.error ? (
          <InlineError error={orgs.error} />
        ) : (
          <ul className="flex flex-wrap gap-4 text-sm">
            {['provisioning', 'active', 'suspended'].map((status) => (
              <li key={status}>
                <Link href={`/admin/organizations?status=${status}`} className="link">
                  {status}
                </Link>
                : <strong>{formatCount(byStatus.get(status) ?? 0)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ingestion-heading" className="card">
        <h2 id="ingestion-heading" className="mb-2 font-semibold">
          Ingestion
        </h2>
        {ingestion.isPending ? (
          <SkeletonRows rows={2} />
        ) : ingestion.error ? (
          <InlineError error={ingestion.error} />
        ) : (
          <>
            <p className="text-sm">
              Active jobs: <strong>{formatCount(ingestion.data.activeJobs)}</strong> · failed in 24 h:{' '}
              <strong>{formatCount(ingestion.data.failedJobsLast24h)}</strong>
            </p>
            <ul className="mt-2 flex flex-wrap gap-2" aria-label="Source health">
              {ingestion.data.sources.map((source) => (
                <li key={source.key}>
                  <Link
                    href="/admin/ingestion"
                    data-testid={`source-chip-${source.key}`}
                    className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${source.status === 'failing' ? 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200' : source.status === 'stale' ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200' : 'bg-green-100 text-green-900 dark:bg-green-900/40 dark:text-green-200'}`}
                  >
                    {source.displayName ?? source.key}: {source.status}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="live-heading" className="card">
        <h2 id="live-heading" className="mb-2 font-semibold">
          Live completions
        </h2>
        {completions.length === 0 ? (
          <p className="text-sm muted">No pipeline finished since this page opened.</p>
        ) : (
          <ul className="text-sm">
            {completions.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm">
        <a href="/admin/queues" className="link">
          Open the job queue dashboard
        </a>
      </p>
    </div>
  );
}
