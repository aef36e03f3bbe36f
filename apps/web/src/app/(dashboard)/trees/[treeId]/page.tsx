'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { ApiErrorView, SkeletonRows } from '@/components/States';
import { StatusBadge } from '@/components/StatusBadge';
import { formatCount, formatDate, formatPatentNumber } from '@/lib/format';
import { useApiData } from '@/lib/queries';

interface TreeDetail {
  entityName?: string | null;
  typeLabel?: string | null;
  transactionSummary?: {
    count?: number;
    firstRecordDate?: string | null;
    lastRecordDate?: string | null;
  } | null;
  assets: {
    id: string;
    grantNumber: string | null;
    applicationNumber: string | null;
    title: string | null;
    status: string | null;
  }[];
}

/** Tree detail (B2.9): transaction summary and the assets, each opening its diagram. */
export default function TreeDetailPage() {
  const { treeId } = useParams<{ treeId: string }>();
  const tree = useApiData<TreeDetail>(`/dashboards/trees/${treeId}`);
  if (tree.isPending) return <SkeletonRows />;
  if (tree.error) return <ApiErrorView error={tree.error} notFoundTitle="Tree not found" />;
  const summary = tree.data.transactionSummary;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">
        {tree.data.entityName ?? 'Tree'} <span className="text-base muted">{tree.data.typeLabel}</span>
      </h1>
      {summary && (
        <p className="text-sm muted">
          {formatCount(summary.count ?? 0)} transactions, {formatDate(summary.firstRecordDate)} –{' '}
          {formatDate(summary.lastRecordDate)}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tree.data.assets.map((asset) => (
            <tr key={asset.id}>
              <td>
                <Link href={`/assets/${asset.id}/diagram`} className="link">
                  {formatPatentNumber(asset.grantNumber ?? asset.applicationNumber)}
                </Link>
              </td>
              <td>{asset.title ?? '—'}</td>
              <td>
                <StatusBadge status={asset.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
