'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { formatCount, formatDate } from '@/lib/format';
import { apiRequest, type Page } from '@/lib/api';
import { SharedAssetList, type SharedAsset } from './SharedAssetList';
import { useShare } from './ShareFrame';

/** Share landing (#62): organization, "N shared patents", the list if permitted; one asset goes to its diagram. */
export default function SharedLandingPage() {
  const { code, info } = useShare();
  const router = useRouter();
  const single = info.assetCount === 1 && info.permissions.diagram && info.permissions.assetList;
  useEffect(() => {
    if (!single) return;
    apiRequest<Page<SharedAsset>>(`/shared/${code}/assets`, { query: { limit: 1 }, refreshOn401: false })
      .then((page) => page.data[0] && router.replace(`/shared/${code}/assets/${page.data[0].id}/diagram`))
      .catch(() => undefined);
  }, [single, code, router]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-xl font-bold" data-testid="shared-count">
        {formatCount(info.assetCount)} shared {info.assetCount === 1 ? 'patent' : 'patents'}
      </h1>
      <p className="text-sm muted">
        Shared by {info.organizationName}
        {info.expiresAt && ` · available until ${formatDate(info.expiresAt)}`}
      </p>
      <SharedAssetList />
    </div>
  );
}
