'use client';

import type { ReactNode } from 'react';
import type { QueryValue } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { useApiPages } from '@/lib/queries';
import { EmptyState, InlineError, SkeletonRows } from './States';

export interface DataColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** A `Page<T>` endpoint as a table with "Load more" (old rows stay while the next page loads). */
export function DataList<T>({
  path,
  query = {},
  columns,
  rowKey,
  emptyTitle,
  emptyAction,
  label,
  rowTestId,
}: {
  path: string | null;
  query?: Record<string, QueryValue>;
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  emptyTitle: string;
  emptyAction?: ReactNode;
  label: string;
  rowTestId?: string;
}) {
  const pages = useApiPages<T>(path, query);
  if (pages.isPending) return <SkeletonRows />;
  if (pages.error) return <InlineError error={pages.error} />;
  const rows = pages.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <EmptyState title={emptyTitle}>{emptyAction}</EmptyState>;
  return (
    <div className="flex flex-col gap-2">
      <div className="md:overflow-x-auto">
        <table className="table table-cards" aria-label={label}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} data-testid={rowTestId}>
                {columns.map((column) => (
                  <td key={column.header} data-label={column.header}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <span
          className="text-sm muted"
          data-testid="list-count"
          data-loaded={rows.length}
          data-total={pages.data.pages[0]?.total}
        >
          {formatCount(rows.length)} of {formatCount(pages.data.pages[0]?.total)}
        </span>
        {pages.hasNextPage && (
          <button
            type="button"
            className="btn"
            onClick={() => pages.fetchNextPage()}
            disabled={pages.isFetchingNextPage}
          >
            {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </div>
  );
}
