'use client';

import Link from 'next/link';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { csvFileName, downloadCsv, toCsv, type CsvColumn } from '@/lib/csv';
import { formatApplicationNumber, formatCount, formatDate, formatPatentNumber } from '@/lib/format';
import { useApiPages } from '@/lib/queries';
import { useMe } from '@/lib/session';
import { useUrlState } from '@/lib/url-state';

export interface BrokenTitleItem {
  assetId: string;
  companyId: string;
  companyName: string;
  grantNumber: string | null;
  applicationNumber: string | null;
  title: string | null;
  currentAssignee: string | null;
  reason: string | null;
  breakRfId: string | null;
  breakRecordDate: string | null;
  missingLink: { from: string | null; to: string | null } | null;
  gapDescription: string;
}

const number = (row: BrokenTitleItem) =>
  row.grantNumber ? formatPatentNumber(row.grantNumber) : formatApplicationNumber(row.applicationNumber);

const CSV_COLUMNS: CsvColumn<BrokenTitleItem>[] = [
  { header: 'Number', value: (row) => row.grantNumber ?? row.applicationNumber },
  { header: 'Title', value: (row) => row.title },
  { header: 'Company', value: (row) => row.companyName },
  { header: 'Current assignee', value: (row) => row.currentAssignee },
  { header: 'Break point (reel/frame)', value: (row) => row.breakRfId },
  { header: 'Break recorded', value: (row) => row.breakRecordDate },
  { header: 'Missing link from', value: (row) => row.missingLink?.from },
  { header: 'Missing link to', value: (row) => row.missingLink?.to },
  { header: 'Gap', value: (row) => row.gapDescription },
];

/** Broken titles (B2.10): gap columns, "view chain" → the diagram with the break highlighted, CSV of the rows. */
export function BrokenTitles() {
  const me = useMe();
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
        <button
          type="button"
          className="btn"
          disabled={rows.length === 0}
          data-testid="export-csv"
          onClick={() =>
            downloadCsv(
              csvFileName(me.data?.organization.name ?? 'patentrack', 'broken-titles'),
              toCsv(rows, CSV_COLUMNS),
            )
          }
        >
          Export CSV
        </button>
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
