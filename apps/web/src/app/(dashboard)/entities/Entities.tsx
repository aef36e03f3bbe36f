'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { DataList } from '@/components/DataList';
import { NormalizationPanel } from '@/components/NormalizationPanel';
import { formatCount, formatDate } from '@/lib/format';
import { useMe } from '@/lib/session';
import { useUrlState } from '@/lib/url-state';

interface EntityRow {
  id: string;
  canonicalName: string;
  aliasCount: number;
  assetCount: number;
  lastActivityDate: string | null;
}

/** Entities (B2.14): canonical name, aliases, assets, last activity; searchable, search in the URL. */
export function Entities() {
  const me = useMe();
  const [filters, setFilters] = useUrlState({ search: '' });
  const [text, setText] = useState(filters.search);
  useEffect(() => {
    if (text === filters.search) return;
    const timer = setTimeout(() => setFilters({ search: text }), 300);
    return () => clearTimeout(timer);
  }, [text, filters.search, setFilters]);
  const orgId = me.data?.organization.id;
  const canManage = me.data !== undefined && me.data.user.role !== 'member';
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Entities</h1>
      {canManage && orgId && <NormalizationPanel orgId={orgId} />}
      <div className="max-w-sm">
        <label htmlFor="entity-search" className="label">
          Search
        </label>
        <input
          id="entity-search"
          type="search"
          className="input"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <DataList<EntityRow>
        path={orgId ? `/organizations/${orgId}/entities` : null}
        query={{ search: filters.search }}
        label="Entities"
        emptyTitle="No entities match"
        rowKey={(row) => row.id}
        columns={[
          {
            header: 'Name',
            cell: (row) => (
              <Link href={`/entities/${row.id}`} className="link">
                {row.canonicalName}
              </Link>
            ),
          },
          { header: 'Aliases', cell: (row) => formatCount(row.aliasCount) },
          { header: 'Assets', cell: (row) => formatCount(row.assetCount) },
          { header: 'Last activity', cell: (row) => formatDate(row.lastActivityDate) },
        ]}
      />
    </div>
  );
}
