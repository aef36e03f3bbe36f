'use client';

import Link from 'next/link';
import { DataList } from '@/components/DataList';
import { formatCount, formatDate } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';

interface TreeSummary {
  id: string;
  entityName: string | null;
  typeLabel: string | null;
  color: string | null;
  assetCount: number;
  brokenTitles: number;
  lastActivity: string | null;
}

const TABS = [
  { value: '0', label: 'Employee' },
  { value: '1', label: 'Purchases, sales, mergers' },
  { value: '2', label: 'Security and releases' },
  { value: '3', label: 'Administrative' },
];

/** Ownership trees by tab (B2.9), `?tab=` in the URL. */
export function Trees() {
  const [state, setState] = useUrlState({ tab: '0' }, { tab: ['0', '1', '2', '3'] });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Trees</h1>
      <div role="tablist" aria-label="Tree groups" className="flex flex-wrap gap-2">
        {TABS.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={state.tab === tab.value}
            className={state.tab === tab.value ? 'btn-primary' : 'btn'}
            onClick={() => setState({ tab: tab.value })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <DataList<TreeSummary>
        path="/dashboards/trees"
        query={{ tab: state.tab }}
        label="Ownership trees"
        emptyTitle="No trees in this group"
        rowKey={(row) => row.id}
        columns={[
          {
            header: 'Entity',
            cell: (row) => (
              <Link href={`/trees/${row.id}`} className="link">
                {row.entityName ?? '—'}
              </Link>
            ),
          },
          {
            header: 'Type',
            cell: (row) => (
              <span className="inline-flex items-center gap-1.5">
                <span
                  aria-hidden="true"
                  className="inline-block h-3 w-3 rounded-sm"
                  style={{ background: row.color ?? '#999' }}
                />
                {row.typeLabel ?? '—'}
              </span>
            ),
          },
          { header: 'Assets', cell: (row) => formatCount(row.assetCount) },
          { header: 'Broken titles', cell: (row) => formatCount(row.brokenTitles) },
          { header: 'Last activity', cell: (row) => formatDate(row.lastActivity) },
        ]}
      />
    </div>
  );
}
