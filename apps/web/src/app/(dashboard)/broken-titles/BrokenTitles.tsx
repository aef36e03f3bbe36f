'use client';

import Link from 'next/link';
import type { BrokenTitleCsvRow } from '@patentrack/shared';
import { ExportCsvButton } from '@/components/ExportCsvButton';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { formatApplicationNumber, formatCount, formatDate, formatPatentNumber } from '@/lib/format';
import { useApiPages } from '@/lib/queries';
import { useUrlState } from '@/lib/url-state';

/** A row of #31: the exported columns, the asset and company ids and the break reason. */
export interface BrokenTitleItem extends BrokenTitleCsvRow {
  assetId: string;
  companyId: string;
  reason: string | null;
}

const number = (row: BrokenTitleItem) =>
  row.grantNumber ? formatPatentNumber(row.grantNumber) : formatApplicationNumber(row.applicationNumber);

/** Broken titles (B2.10): gap columns, "view chain" → the diagram with the break highlighted, CSV of the rows. */
export function BrokenTitles() {
  const [filters] = useUrlState({ entityId: '' });
  const pages = useApiPages<BrokenTitleItem>('/dashboards/broken-titles', {
    entityId: filters.entityId,
    limit: 100,
  });
  const rows = pages.data?.pages.flatMap((page) => page.data) ?? [];
  const total = pages.data?.pages[0]?.total;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Broken titles</h1>
        <p className="text-sm muted" data-testid="broken-total" data-total={total}>
          {total !== undefined && `${formatCount(total)} broken chains of title`}
        </p>
      </div>
      <div>
        <ExportCsvButton
          type="broken_titles"
          path="/dashboards/broken-titles"
          query={{ entityId: filters.entityId }}
          total={total}
        />
      </div>
      {pages.isPending ? (
        <SkeletonRows />
      ) : pages.error ? (
        <InlineError error={pages.error} />
      ) : rows.length === 0 ? (
        <EmptyState title="Every chain of title is complete">No broken titles in your portfolio.</EmptyState>
      ) : (
        <div className="md:overflow-x-auto">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Title</th>
                <th scope="col">Current assignee</th>
                <th scope="col">Break point</th>
                <th scope="col">Missing link</th>
                <th scope="col">Gap</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.assetId}-${row.companyId}`} data-testid="broken-row">
                  <td data-label="Number">
                    <Link href={`/assets/${row.assetId}`} className="link">
                      {number(row)}
                    </Link>
                  </td>
                  <td className="md:max-w-xs" data-label="Title">
                    {row.title ?? '—'}
                  </td>
                  <td data-label="Current assignee">{row.currentAssignee ?? '—'}</td>
                  <td data-label="Break point">
                    {row.breakRfId ?? '—'}{' '}
                    <span className="muted text-xs">{formatDate(row.breakRecordDate)}</span>
                  </td>
                  <td data-label="Missing link">
                    {row.missingLink ? `${row.missingLink.from ?? '?'} → ${row.missingLink.to ?? '?'}` : '—'}
                  </td>
                  <td className="md:max-w-xs" data-label="Gap">
                    {row.gapDescription}
                  </td>
                  <td>
                    <Link
                      href={`/assets/${row.assetId}/diagram?highlight=break`}
                      className="link whitespace-nowrap"
                    >
                      View chain
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages.hasNextPage && (
            <button type="button" className="btn mt-2" onClick={() => pages.fetchNextPage()}>
              Load more
            </button>
          )}
        </div>
      )}
    </div>
  );
}
