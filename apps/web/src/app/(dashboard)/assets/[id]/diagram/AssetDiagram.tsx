'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { OwnershipDiagram } from '@patentrack/ui';
import { ShareDialog } from '@/components/ShareDialog';
import { ApiErrorView, SkeletonRows } from '@/components/States';
import { isReadOnlyMode } from '@/lib/navigation';
import { parseDiagramResponse } from '@/lib/diagram';
import { useApiBody } from '@/lib/queries';
import { useMe } from '@/lib/session';
import { useAsset, useAssetId } from '../AssetContext';

/** Diagram tab (B2.5): the API's diagram JSON (#20) in the ownership diagram, `?highlight=break` honoured. */
export function AssetDiagram() {
  const id = useAssetId();
  const search = useSearchParams();
  const asset = useAsset();
  const me = useMe();
  const [sharing, setSharing] = useState(false);
  const diagram = useApiBody<unknown>(`/assets/${id}/diagram`);
  const parsed = useMemo(
    () => (diagram.data === undefined ? null : parseDiagramResponse(diagram.data)),
    [diagram.data],
  );

  if (diagram.isPending) return <SkeletonRows rows={10} label="Loading the ownership diagram" />;
  if (diagram.error)
    return (
      <ApiErrorView
        error={diagram.error}
        notFoundTitle="No ownership diagram yet"
        onRetry={() => diagram.refetch()}
      />
    );
  if (!parsed?.ok) {
    return (
      <ApiErrorView
        error={new Error('The diagram data is not in the expected format.')}
        onRetry={() => diagram.refetch()}
      />
    );
  }
  const readOnly = me.data ? isReadOnlyMode(me.data.organization.environmentMode) : true;
  return (
    <>
      <OwnershipDiagram
        key={id}
        diagram={parsed.diagram}
        mode="app"
        highlight={search.get('highlight') === 'break' ? 'break' : null}
        documentUrl={(rfId) => `/assets/${id}/documents/${encodeURIComponent(rfId)}`}
        syncUrl
        onShare={readOnly ? undefined : () => setSharing(true)}
      />
      {sharing && (
        <ShareDialog
          assetIds={[id]}
          defaultName={asset.data?.grantNumber ?? asset.data?.applicationNumber ?? 'Shared asset'}
          onClose={() => setSharing(false)}
        />
      )}
    </>
  );
}
