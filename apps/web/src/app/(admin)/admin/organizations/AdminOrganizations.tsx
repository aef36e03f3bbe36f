'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { DataList } from '@/components/DataList';
import { formatCount, formatDate, formatDateTime } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';

export interface AdminOrganization {
  id: string;
  name: string;
  status: string;
  awaitingApproval: boolean;
  environmentMode: string;
  users: number;
  assets: number;
  lastRunAt: string | null;
  createdAt: string;
}

/** All organizations (B3): search, status and the self-registrations awaiting approval (#4) in the URL. */
export function AdminOrganizations() {
  const [filters, setFilters] = useUrlState(
    { search: '', status: '', awaitingApproval: '' },
    { status: ['provisioning', 'active', 'suspended'], awaitingApproval: ['true'] },
  );
  const [text, setText] = useState(filters.search);
  useEffect(() => {
    if (text === filters.search) return;
    const timer = setTimeout(() => setFilters({ search: text }), 300);
    return () => clearTimeout(timer);
  }, [text, filters.search, setFilters]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Organizations</h1>
        <Link href="/admin/organizations/new" className="btn-primary">
          Onboard an organization
        </Link>
      </div>
      <div className="flex flex-wrap gap-3">
        <div>
          <label htmlFor="org-search" className="label">
            Search
          </label>
          <input
            id="org-search"
            type="search"
            className="input"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div>
          <label htmlFor="org-status" className="label">
            Status
          </label>
          <select
            id="org-status"
            className="input"
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value })}
          >
            <option value="">Any</option>
            {['provisioning', 'active', 'suspended'].map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input
            type="checkbox"
            checked={filters.awaitingApproval === 'true'}
            onChange={(event) => setFilters({ awaitingApproval: event.target.checked ? 'true' : '' })}
          />
          Awaiting approval only
        </label>
      </div>
      <DataList<AdminOrganization>
        path="/admin/organizations"
        query={filters}
        label="Organizations"
        emptyTitle="No organizations match"
        rowKey={(row) => row.id}
        rowTestId="org-row"
        columns={[
          {
            header: 'Name',
            cell: (row) => (
              <Link href={`/admin/organizations/${row.id}`} className="link">
                {row.name}
              </Link>
            ),
          },
          { header: 'Mode', cell: (row) => row.environmentMode },
          {
            header: 'Status',
            cell: (row) => (row.awaitingApproval ? `${row.status} · awaiting approval` : row.status),
          },
          { header: 'Users', cell: (row) => formatCount(row.users) },
          { header: 'Assets', cell: (row) => formatCount(row.assets) },
          { header: 'Last run', cell: (row) => formatDateTime(row.lastRunAt) },
          { header: 'Created', cell: (row) => formatDate(row.createdAt) },
        ]}
      />
    </div>
  );
}
