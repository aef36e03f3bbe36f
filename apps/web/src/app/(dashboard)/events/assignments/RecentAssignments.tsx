'use client';

import { DataList } from '@/components/DataList';
import { ConveyanceChip } from '@/components/StatusBadge';
import { formatCount, formatDate } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';
import { EventsNav } from '../EventsNav';

interface RecentTransaction {
  rfId: string;
  recordDate: string | null;
  type: string | null;
  assignorName: string | null;
  assigneeName: string | null;
  affectedAssets: number;
}

/** Recent transactions with a 7/30/90/365-day look-back (B2.12). */
export function RecentAssignments() {
  const [filters, setFilters] = useUrlState({ days: '30' }, { days: ['7', '30', '90', '365'] });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Recent transactions</h1>
      <EventsNav />
      <div className="w-48">
        <label htmlFor="lookback" className="label">
          Look back
        </label>
        <select
          id="lookback"
          className="input"
          value={filters.days}
          onChange={(event) => setFilters({ days: event.target.value })}
        >
          {['7', '30', '90', '365'].map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </div>
      <DataList<RecentTransaction>
        path="/events/assignments"
        query={{ days: filters.days }}
        label="Recent transactions"
        emptyTitle="No transactions recorded in this period"
        rowKey={(row) => row.rfId}
        columns={[
          { header: 'Recorded', cell: (row) => formatDate(row.recordDate) },
          { header: 'Type', cell: (row) => <ConveyanceChip type={row.type} /> },
          {
            header: 'Assignor → assignee',
            cell: (row) => `${row.assignorName ?? '—'} → ${row.assigneeName ?? '—'}`,
          },
          { header: 'Assets', cell: (row) => formatCount(row.affectedAssets) },
          { header: 'Reel/frame', cell: (row) => row.rfId },
        ]}
      />
    </div>
  );
}
