'use client';

import Link from 'next/link';
import { DataList } from '@/components/DataList';
import { formatDate } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';
import { EventsNav } from './EventsNav';

interface FeedEvent {
  type: string;
  date: string | null;
  title: string;
  description: string | null;
  assetId: string | null;
}

/** The unified feed (B2.12): assignments, maintenance and pipeline events, type filter in the URL. */
export function EventsFeed() {
  const [filters, setFilters] = useUrlState(
    { type: '' },
    { type: ['assignment', 'maintenance', 'pipeline'] },
  );
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Events</h1>
      <EventsNav />
      <div className="w-60">
        <label htmlFor="event-type" className="label">
          Type
        </label>
        <select
          id="event-type"
          className="input"
          value={filters.type}
          onChange={(event) => setFilters({ type: event.target.value })}
        >
          <option value="">All</option>
          <option value="assignment">Assignments</option>
          <option value="maintenance">Maintenance</option>
          <option value="pipeline">Pipeline</option>
        </select>
      </div>
      <DataList<FeedEvent>
        path="/events"
        query={{ type: filters.type }}
        label="Events"
        emptyTitle="No events yet"
        rowKey={(row) => `${row.type}-${row.date}-${row.title}-${row.assetId}`}
        columns={[
          { header: 'Date', cell: (row) => formatDate(row.date) },
          { header: 'Type', cell: (row) => row.type },
          {
            header: 'Event',
            cell: (row) =>
              row.assetId ? (
                <Link href={`/assets/${row.assetId}`} className="link">
                  {row.title}
                </Link>
              ) : (
                row.title
              ),
          },
          { header: 'Details', cell: (row) => row.description ?? '' },
        ]}
      />
    </div>
  );
}
