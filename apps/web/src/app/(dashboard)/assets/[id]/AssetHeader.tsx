'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { ShareDialog } from '@/components/ShareDialog';
import { ApiErrorView, Skeleton } from '@/components/States';
import { StatusBadge } from '@/components/StatusBadge';
import { formatApplicationNumber, formatPatentNumber } from '@/lib/format';
import { isReadOnlyMode } from '@/lib/navigation';
import { useMe } from '@/lib/session';
import { useAsset, useAssetId } from './AssetContext';

const TABS = [
  { segment: '', label: 'Overview' },
  { segment: 'diagram', label: 'Diagram' },
  { segment: 'assignments', label: 'Assignments' },
  { segment: 'family', label: 'Family' },
  { segment: 'maintenance', label: 'Maintenance' },
  { segment: 'citations', label: 'Citations' },
] as const;

/** Asset header and tab links (B2.3); an unknown or another tenant's asset is a 404 page, never a 403. */
export function AssetFrame({ children }: { children: ReactNode }) {
  const id = useAssetId();
  const pathname = usePathname();
  const asset = useAsset();
  const me = useMe();
  const [sharing, setSharing] = useState(false);

  if (asset.error)
    return (
      <ApiErrorView error={asset.error} notFoundTitle="Asset not found" onRetry={() => asset.refetch()} />
    );
  const base = `/assets/${id}`;
  const number = asset.data
    ? asset.data.grantNumber
      ? formatPatentNumber(asset.data.grantNumber)
      : formatApplicationNumber(asset.data.applicationNumber)
    : '';
  const readOnly = me.data ? isReadOnlyMode(me.data.organization.environmentMode) : true;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-2">
        {asset.isPending ? (
          <>
            <Skeleton className="h-7 w-72" />
            <Skeleton className="h-4 w-96" />
          </>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-bold" data-testid="asset-number">
                {number}
              </h1>
              <StatusBadge status={asset.data.status} />
              <span className="text-sm muted">Maintenance: {asset.data.maintenanceStatus}</span>
            </div>
            <p className="text-lg">{asset.data.title ?? 'Untitled'}</p>
            <p className="text-sm muted">Current assignee: {asset.data.currentAssignee ?? '—'}</p>
            <div className="flex flex-wrap gap-2">
              <Link href={`${base}/diagram`} className="btn">
                Diagram
              </Link>
              <button
                type="button"
                className="btn"
                onClick={() => setSharing(true)}
                disabled={readOnly}
                data-testid="asset-share"
              >
                Share
              </button>
            </div>
          </>
        )}
      </header>
      <nav
        aria-label="Asset sections"
        className="flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
      >
        {TABS.map((tab) => {
          const href = tab.segment ? `${base}/${tab.segment}` : base;
          const active = pathname === href;
          return (
            <Link
              key={tab.segment}
              href={href}
              aria-current={active ? 'page' : undefined}
              className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-300' : 'border-transparent text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white'}`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <div>{children}</div>
      {sharing && (
        <ShareDialog
          assetIds={[id]}
          defaultName={number || 'Shared asset'}
          onClose={() => setSharing(false)}
        />
      )}
    </div>
  );
}
