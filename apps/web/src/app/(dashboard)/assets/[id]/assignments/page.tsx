'use client';

import Link from 'next/link';
import { useState } from 'react';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { ConveyanceChip } from '@/components/StatusBadge';
import { formatDate } from '@/lib/format';
import { useApiPages } from '@/lib/queries';
import { useAssetId } from '../AssetContext';
import { ConveyanceTypeSelect } from '@/components/forms';

interface AssignmentItem {
  rfId: string;
  conveyanceType: string | null;
  conveyanceLabel: string | null;
  conveyanceText: string | null;
  employerAssignment: boolean;
  recordDate: string | null;
  executionDate: string | null;
  assignors: { name: string; executionDate: string | null }[];
  assignees: { name: string }[];
  color: string | null;
  documentAvailable?: boolean;
}

/** Assignments tab (B2.4): ascending by record date, colour chips of the diagram palette, type filter. */
export default function AssetAssignmentsPage() {
  const id = useAssetId();
  const [type, setType] = useState('');
  const pages = useApiPages<AssignmentItem>(`/assets/${id}/assignments`, { conveyanceType: type });
  const rows = pages.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <div className="flex flex-col gap-3">
      <div className="w-60">
        <ConveyanceTypeSelect id="assignment-type" value={type} onChange={setType} />
      </div>
      {pages.isPending ? (
        <SkeletonRows />
      ) : pages.error ? (
        <InlineError error={pages.error} />
      ) : rows.length === 0 ? (
        <EmptyState title="No recorded assignments" />
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Recorded</th>
                <th scope="col">Executed</th>
                <th scope="col">Type</th>
                <th scope="col">Conveyance</th>
                <th scope="col">Assignors → assignees</th>
                <th scope="col">Document</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.rfId} data-testid="assignment-row" data-rf-id={row.rfId}>
                  <td title={row.recordDate ?? undefined}>{formatDate(row.recordDate)}</td>
                  <td title={row.executionDate ?? undefined}>{formatDate(row.executionDate)}</td>
                  <td>
                    <ConveyanceChip type={row.conveyanceType} color={row.color} />
                    {row.employerAssignment && <span className="ml-1 text-xs muted">(employer)</span>}
                  </td>
                  <td className="max-w-xs">
                    {row.conveyanceText ?? '—'} <span className="muted text-xs">{row.rfId}</span>
                  </td>
                  <td>
                    {row.assignors.map((party) => party.name).join('; ') || '—'} →{' '}
                    {row.assignees.map((party) => party.name).join('; ') || '—'}
                  </td>
                  <td>
                    <Link
                      href={`/assets/${id}/documents/${encodeURIComponent(row.rfId)}`}
                      target="_blank"
                      className="link"
                      aria-label={`Recorded document ${row.rfId}`}
                    >
                      Open
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
