'use client';

import { useMemo } from 'react';
import { CONVEY_TYPES } from '@patentrack/shared';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { ConveyanceChip } from '@/components/StatusBadge';
import { formatCount, formatDate } from '@/lib/format';
import { useApiData, useApiPages } from '@/lib/queries';
import { useUrlState } from '@/lib/url-state';
import { SwimLanes, type TimelineEntry } from './SwimLanes';
import { ConveyanceTypeSelect } from '@/components/forms';

const DEFAULTS = { type: '', from: '', to: '', entityId: '' };
/** Above this many transactions the chart draws monthly counts instead of single transactions (B2.11). */
const BUCKET_ABOVE = 500;

interface TimelineBucket {
  period: string;
  type: string | null;
  count: number;
}

/** Timeline (B2.11): swim lanes with a brush, the paged list below; filters in the URL (`?type=&from=&to=`). */
export function Timeline() {
  const [filters, setFilters] = useUrlState(DEFAULTS, { type: CONVEY_TYPES });
  const query = {
    conveyanceType: filters.type,
    dateFrom: filters.from,
    dateTo: filters.to,
    entityId: filters.entityId,
    limit: 100,
  };
  const pages = useApiPages<TimelineEntry>('/dashboards/timeline', query);
  const entries = useMemo(() => pages.data?.pages.flatMap((page) => page.data) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total;
  const bucketed = total !== undefined && total > BUCKET_ABOVE;
  const buckets = useApiData<TimelineBucket[]>(bucketed ? '/dashboards/timeline' : null, {
    ...query,
    bucket: 'month',
  });
  const chartEntries = useMemo<TimelineEntry[]>(
    () =>
      bucketed
        ? (buckets.data ?? []).map((bucket) => ({
            rfId: `${bucket.period}-${bucket.type}`,
            recordDate: `${bucket.period}-01`,
            type: bucket.type,
            color: null,
            assignor: null,
            assignee: `${bucket.count} transactions`,
            assetCount: bucket.count,
          }))
        : entries,
    [bucketed, buckets.data, entries],
  );

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Timeline</h1>
      <form className="grid gap-3 sm:grid-cols-3" onSubmit={(event) => event.preventDefault()}>
        <div>
          <ConveyanceTypeSelect
            id="timeline-type"
            value={filters.type}
            onChange={(type) => setFilters({ type })}
          />
        </div>
        <div>
          <label htmlFor="timeline-from" className="label">
            From
          </label>
          <input
            id="timeline-from"
            type="date"
            className="input"
            value={filters.from}
            onChange={(event) => setFilters({ from: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor="timeline-to" className="label">
            To
          </label>
          <input
            id="timeline-to"
            type="date"
            className="input"
            value={filters.to}
            onChange={(event) => setFilters({ to: event.target.value })}
          />
        </div>
      </form>
      {pages.isPending ? (
        <SkeletonRows rows={6} />
      ) : pages.error ? (
        <InlineError error={pages.error} />
      ) : entries.length === 0 ? (
        <EmptyState title="No transactions in this range">
          <button type="button" className="btn" onClick={() => setFilters({ type: '', from: '', to: '' })}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-label="Transactions by conveyance type over time">
            {bucketed && (
              <p className="mb-2 text-sm muted">Monthly counts of {formatCount(total)} transactions</p>
            )}
            <SwimLanes
              entries={chartEntries}
              onBrush={(range) => setFilters(range ? { from: range[0], to: range[1] } : { from: '', to: '' })}
            />
          </section>
          <p className="text-sm muted">
            {formatCount(entries.length)} of {formatCount(total)} transactions
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Recorded</th>
                <th scope="col">Type</th>
                <th scope="col">Assignor → assignee</th>
                <th scope="col">Assets</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.rfId} data-testid="timeline-row">
                  <td title={entry.recordDate ?? undefined}>{formatDate(entry.recordDate)}</td>
                  <td>
                    <ConveyanceChip type={entry.type} color={entry.color} />
                  </td>
                  <td>
                    {entry.assignor ?? '—'} → {entry.assignee ?? '—'}{' '}
                    <span className="muted text-xs">{entry.rfId}</span>
                  </td>
                  <td>{formatCount(entry.assetCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages.hasNextPage && (
            <button type="button" className="btn self-start" onClick={() => pages.fetchNextPage()}>
              Load more
            </button>
          )}
        </>
      )}
    </div>
  );
}
