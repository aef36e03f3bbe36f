'use client';

import Link from 'next/link';
import { DataList } from '@/components/DataList';
import { formatDate, formatPatentNumber } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';
import { EventsNav } from '../EventsNav';

interface FeeRow {
  assetId: string;
  grantNumber: string | null;
  eventCode: string;
  feeWindow: string | null;
  status: string;
  dueDate: string | null;
}

/** Portfolio fee table (B2.12): status and window filters in the URL, a row links to the asset's Maintenance tab. */
export function MaintenanceFees() {
  const [filters, setFilters] = useUrlState(
    { status: '', feeWindow: '' },
    { status: ['paid', 'due', 'surcharge', 'expired'], feeWindow: ['3.5', '7.5', '11.5'] },
  );
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Maintenance fees</h1>
      <EventsNav />
      <div className="flex flex-wrap gap-3">
        <div>
          <label htmlFor="fee-status" className="label">
            Status
          </label>
          <select
            id="fee-status"
            className="input"
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value })}
          >
            <option value="">All</option>
            {['paid', 'due', 'surcharge', 'expired'].map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="fee-window" className="label">
            Window
          </label>
          <select
            id="fee-window"
            className="input"
            value={filters.feeWindow}
            onChange={(event) => setFilters({ feeWindow: event.target.value })}
          >
            <option value="">All</option>
            {['3.5', '7.5', '11.5'].map((window) => (
              <option key={window} value={window}>
                {window} years
              </option>
            ))}
          </select>
        </div>
      </div>
      <DataList<FeeRow>
        path="/events/maintenance"
        query={{ ...filters, sort: 'dueDate' }}
        label="Maintenance fees"
        emptyTitle="No maintenance-fee events match"
        rowKey={(row) => `${row.assetId}-${row.eventCode}-${row.dueDate}`}
        columns={[
          {
            header: 'Patent',
            cell: (row) => (
              <Link href={`/assets/${row.assetId}/maintenance`} className="link">
                {formatPatentNumber(row.grantNumber)}
              </Link>
            ),
          },
          { header: 'Event', cell: (row) => row.eventCode },
          { header: 'Window', cell: (row) => row.feeWindow ?? '—' },
          {
            header: 'Status',
            cell: (row) => (
              <span
                className={
                  row.status === 'surcharge' ? 'font-semibold text-red-800 dark:text-red-300' : undefined
                }
              >
                {row.status}
              </span>
            ),
          },
          { header: 'Due', cell: (row) => formatDate(row.dueDate) },
        ]}
      />
    </div>
  );
}
