'use client';

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CONVEY_TYPES, type AssetCsvRow } from '@patentrack/shared';
import { ExportCsvButton } from '@/components/ExportCsvButton';
import { ExportSheetButton } from '@/components/ExportSheetButton';
import { SendToSlackButton } from '@/components/SendToSlackButton';
import { ShareDialog } from '@/components/ShareDialog';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { StatusBadge } from '@/components/StatusBadge';
import { formatApplicationNumber, formatCount, formatDate, formatPatentNumber } from '@/lib/format';
import { isReadOnlyMode } from '@/lib/navigation';
import { useApiPages } from '@/lib/queries';
import { useMe } from '@/lib/session';
import { useUrlState } from '@/lib/url-state';
import { ConveyanceTypeSelect } from '@/components/forms';

/** A row of #16: the exported columns and the id. */
export interface AssetListItem extends AssetCsvRow {
  id: string;
}

const SORTS = ['lastActivity', 'applicationDate', 'grantDate', 'title'] as const;
const STATUSES = ['complete', 'broken', 'divested', 'encumbered'] as const;
const LIMITS = ['25', '50', '100'] as const;
const NO_FILTERS = {
  search: '',
  status: '',
  entityId: '',
  cpcCode: '',
  dateFrom: '',
  dateTo: '',
  conveyanceType: '',
};
const DEFAULTS = { ...NO_FILTERS, sort: 'lastActivity', limit: '50' };

/** The virtualizer's first guess; rows are measured, as a phone's card is taller than a table row. */
const ROW_HEIGHT = 44;

/** Stands in for the rows the virtualizer leaves out, so the scrollbar keeps the whole list's height. */
function SpacerRow({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td style={{ height, padding: 0 }} colSpan={span} />
    </tr>
  );
}

/** Assets (B2.2): virtualized table, filters and sort in the URL, load-more paging, selection → share / CSV / sheet. */
export function AssetList() {
  const router = useRouter();
  const me = useMe();
  const [filters, setFilters] = useUrlState(DEFAULTS, {
    sort: SORTS,
    status: STATUSES,
    limit: LIMITS,
    conveyanceType: CONVEY_TYPES,
  });
  const [searchText, setSearchText] = useState(filters.search);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [sharing, setSharing] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => setSearchText(filters.search), [filters.search]);
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => setFilters({ search: searchText }), 300);
    return () => clearTimeout(timer);
  }, [searchText, filters.search, setFilters]);

  const { limit, ...query } = filters;
  const pages = useApiPages<AssetListItem>('/assets', { ...query, limit });
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.data) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total;

  const columns = useMemo<ColumnDef<AssetListItem>[]>(
    () => [
      {
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select all loaded assets"
            checked={table.getIsAllRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.grantNumber ?? row.original.applicationNumber ?? row.original.id}`}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
            onClick={(event) => event.stopPropagation()}
          />
        ),
      },
      {
        id: 'grant',
        header: 'Grant no.',
        cell: ({ row }) => (
          <Link
            href={`/assets/${row.original.id}`}
            className="link"
            onClick={(event) => event.stopPropagation()}
          >
            {row.original.grantNumber ? formatPatentNumber(row.original.grantNumber) : '—'}
          </Link>
        ),
      },
      {
        id: 'application',
        header: 'Application no.',
        cell: ({ row }) => formatApplicationNumber(row.original.applicationNumber),
      },
      {
        id: 'title',
        header: 'Title',
        cell: ({ row }) => <span className="line-clamp-2">{row.original.title ?? '—'}</span>,
      },
      { id: 'assignee', header: 'Current assignee', cell: ({ row }) => row.original.currentAssignee ?? '—' },
      { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
      {
        id: 'assignments',
        header: 'Assignments',
        cell: ({ row }) => formatCount(row.original.assignmentCount),
      },
      {
        id: 'lastActivity',
        header: 'Last activity',
        cell: ({ row }) => (
          <span title={row.original.lastActivity ?? undefined}>{formatDate(row.original.lastActivity)}</span>
        ),
      },
    ],
    [],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
    enableRowSelection: true,
  });
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length ? items[0]!.start : 0;
  // Before the first range is known the spacer holds every row's height: the scroll box then has the height the
  // virtualizer needs to compute a range (as cards on phones, no header row would give it one).
  const paddingBottom = items.length
    ? virtualizer.getTotalSize() - items[items.length - 1]!.end
    : virtualizer.getTotalSize();

  const selected = rows.filter((row) => selection[row.id]);
  const filtered = Object.entries(query).some(([key, value]) => key !== 'sort' && value !== '');
  const readOnly = me.data ? isReadOnlyMode(me.data.organization.environmentMode) : true;
  const clearFilters = (
    <button type="button" className="btn" onClick={() => setFilters(NO_FILTERS)}>
      Clear filters
    </button>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Assets</h1>
        <p className="muted text-sm" data-testid="asset-total" data-total={total}>
          {total !== undefined && `${formatCount(total)} assets`}
        </p>
      </div>
      <form
        role="search"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <div>
          <label htmlFor="asset-search" className="label">
            Search
          </label>
          <input
            id="asset-search"
            className="input"
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            placeholder="Number, title, party"
          />
        </div>
        <div>
          <label htmlFor="asset-status" className="label">
            Status
          </label>
          <select
            id="asset-status"
            className="input"
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value })}
          >
            <option value="">Any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div>
          <ConveyanceTypeSelect
            id="asset-type"
            value={filters.conveyanceType}
            onChange={(conveyanceType) => setFilters({ conveyanceType })}
            anyLabel="Any"
          />
        </div>
        <div>
          <label htmlFor="asset-cpc" className="label">
            CPC code
          </label>
          <input
            id="asset-cpc"
            className="input"
            defaultValue={filters.cpcCode}
            key={filters.cpcCode}
            onBlur={(event) => setFilters({ cpcCode: event.target.value.trim() })}
          />
        </div>
        <div>
          <label htmlFor="asset-from" className="label">
            Filed from
          </label>
          <input
            id="asset-from"
            className="input"
            type="date"
            min="2000-01-01"
            value={filters.dateFrom}
            onChange={(event) => setFilters({ dateFrom: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor="asset-to" className="label">
            Filed to
          </label>
          <input
            id="asset-to"
            className="input"
            type="date"
            min="2000-01-01"
            value={filters.dateTo}
            onChange={(event) => setFilters({ dateTo: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor="asset-sort" className="label">
            Sort by
          </label>
          <select
            id="asset-sort"
            className="input"
            value={filters.sort}
            onChange={(event) => setFilters({ sort: event.target.value })}
          >
            <option value="lastActivity">Last activity</option>
            <option value="applicationDate">Application date</option>
            <option value="grantDate">Grant date</option>
            <option value="title">Title</option>
          </select>
        </div>
        <div>
          <label htmlFor="asset-limit" className="label">
            Page size
          </label>
          <select
            id="asset-limit"
            className="input"
            value={filters.limit}
            onChange={(event) => setFilters({ limit: event.target.value })}
          >
            {LIMITS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div className="flex flex-wrap items-center gap-2" aria-label="Actions on assets">
        <span className="text-sm muted" data-testid="selection-count">
          {selected.length} selected
        </span>
        <button
          type="button"
          className="btn"
          disabled={selected.length === 0 || readOnly}
          onClick={() => setSharing(true)}
          data-testid="share-selected"
        >
          Share
        </button>
        <ExportCsvButton type="assets" path="/assets" query={query} total={total} selected={selected} />
        <ExportSheetButton assetIds={selected.map((row) => row.id)} />
        <SendToSlackButton assetIds={selected.map((row) => row.id)} />
        {filtered && clearFilters}
      </div>

      {pages.isPending ? (
        <SkeletonRows rows={8} label="Loading assets" />
      ) : pages.error ? (
        <InlineError error={pages.error} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? 'No assets match these filters' : 'No assets yet'}>
          {filtered ? (
            clearFilters
          ) : me.data?.user.role === 'member' ? (
            'Ask your admin to add the companies you monitor.'
          ) : (
            <Link href="/companies" className="link">
              Add companies
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <div
            ref={scrollRef}
            className="max-h-[65vh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
            data-testid="asset-table"
          >
            <table className="table table-cards">
              <thead className="top-0 z-10 md:sticky bg-white dark:bg-zinc-900">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th key={header.id} scope="col">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                <SpacerRow height={paddingTop} span={columns.length} />
                {items.map((item) => {
                  const row = tableRows[item.index]!;
                  return (
                    <tr
                      key={row.id}
                      ref={virtualizer.measureElement}
                      data-index={item.index}
                      data-testid="asset-row"
                      data-asset-id={row.id}
                      className="cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
                      onClick={() => router.push(`/assets/${row.id}`)}
                    >
                      {row.getVisibleCells().map((cell) => {
                        const header = cell.column.columnDef.header;
                        return (
                          <td key={cell.id} data-label={typeof header === 'string' ? header : undefined}>
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
                <SpacerRow height={paddingBottom} span={columns.length} />
              </tbody>
            </table>
          </div>
          <div className="flex items-center gap-3">
            <span className="text-sm muted" data-testid="loaded-count" data-loaded={rows.length}>
              {formatCount(rows.length)} of {formatCount(total)} loaded
            </span>
            {pages.hasNextPage && (
              <button
                type="button"
                className="btn"
                onClick={() => pages.fetchNextPage()}
                disabled={pages.isFetchingNextPage}
                data-testid="load-more"
              >
                {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        </>
      )}
      {sharing && (
        <ShareDialog
          assetIds={selected.map((row) => row.id)}
          defaultName={`${selected.length} assets`}
          onClose={() => setSharing(false)}
        />
      )}
    </div>
  );
}
