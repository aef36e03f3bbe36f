'use client';

import Link from 'next/link';
import { ErrorPage } from '@/components/ErrorPage';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { StatusBadge } from '@/components/StatusBadge';
import { ApiError } from '@/lib/api';
import { formatApplicationNumber, formatPatentNumber } from '@/lib/format';
import { useApiPages } from '@/lib/queries';
import { useShare } from './ShareFrame';

export interface SharedAsset {
  id: string;
  numbers: { application: string | null; grant: string | null };
  title: string | null;
  status: string | null;
}

export const sharedAssetLabel = (asset: SharedAsset) =>
  asset.numbers.grant
    ? formatPatentNumber(asset.numbers.grant)
    : formatApplicationNumber(asset.numbers.application);

/** The link's read-only asset list (#63), 25 per page, as cards that fit a phone. */
export function SharedAssetList() {
  const { code, info } = useShare();
  const pages = useApiPages<SharedAsset>(info.permissions.assetList ? `/shared/${code}/assets` : null, {
    limit: 25,
  });
  if (!info.permissions.assetList) {
    return (
      <ErrorPage
        status={403}
        title="Not included in this link"
        message="The sender did not include the asset list."
        homeHref={null}
      />
    );
  }
  if (pages.isPending) return <SkeletonRows rows={4} />;
  if (pages.error)
    return pages.error instanceof ApiError && pages.error.status === 403 ? (
      <ErrorPage
        status={403}
        title="Not included in this link"
        message="The sender did not include the asset list."
        homeHref={null}
      />
    ) : (
      <InlineError error={pages.error} />
    );
  const rows = pages.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <EmptyState title="No patents in this link" />;
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col gap-2" aria-label="Shared patents">
        {rows.map((asset) => (
          <li
            key={asset.id}
            data-testid="shared-asset"
            data-asset-id={asset.id}
            className="card flex flex-col gap-1"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{sharedAssetLabel(asset)}</span>
              <StatusBadge status={asset.status} />
            </div>
            <p className="text-sm">{asset.title ?? 'Untitled'}</p>
            {info.permissions.diagram && (
              <Link href={`/shared/${code}/assets/${asset.id}/diagram`} className="link text-sm">
                View ownership diagram
              </Link>
            )}
          </li>
        ))}
      </ul>
      {pages.hasNextPage && (
        <button type="button" className="btn self-start" onClick={() => pages.fetchNextPage()}>
          Load more
        </button>
      )}
    </div>
  );
}
