'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useMemo } from 'react';
import { OwnershipDiagram } from '@patentrack/ui';
import { ErrorPage } from '@/components/ErrorPage';
import { SkeletonRows } from '@/components/States';
import { ApiError } from '@/lib/api';
import { parseDiagramResponse } from '@/lib/diagram';
import { useApiBody } from '@/lib/queries';
import { useShare } from '../../../ShareFrame';

/** A shared asset's diagram (#64) in share mode; outside the link → 404 page, no diagram grant → 403 page. */
export default function SharedDiagramPage() {
  const { assetId } = useParams<{ assetId: string }>();
  const { code, info } = useShare();
  const diagram = useApiBody<unknown>(
    info.permissions.diagram ? `/shared/${code}/assets/${assetId}/diagram` : null,
  );
  const parsed = useMemo(
    () => (diagram.data === undefined ? null : parseDiagramResponse(diagram.data)),
    [diagram.data],
  );
  const back = info.permissions.assetList && (
    <Link href={`/shared/${code}`} className="link text-sm">
      ← Back to list
    </Link>
  );

  if (!info.permissions.diagram)
    return (
      <ErrorPage
        status={403}
        title="Not included in this link"
        message="The sender did not include ownership diagrams."
        homeHref={null}
        actions={back}
      />
    );
  if (diagram.isPending) return <SkeletonRows rows={8} label="Loading the ownership diagram" />;
  if (diagram.error) {
    const status = diagram.error instanceof ApiError ? diagram.error.status : 500;
    if (status === 404)
      return (
        <ErrorPage
          status={404}
          title="Not found"
          message="This patent is not part of the shared link."
          homeHref={null}
          actions={back}
          requestId={(diagram.error as ApiError).requestId}
        />
      );
    if (status === 403)
      return (
        <ErrorPage
          status={403}
          title="Not included in this link"
          message="The sender did not include ownership diagrams."
          homeHref={null}
          actions={back}
        />
      );
    return (
      <ErrorPage
        status={status}
        title="The diagram could not be loaded"
        message="Please try again."
        homeHref={null}
        actions={
          <button type="button" className="btn-primary" onClick={() => diagram.refetch()}>
            Retry
          </button>
        }
      />
    );
  }
  if (!parsed?.ok)
    return (
      <ErrorPage
        status={500}
        title="The diagram could not be shown"
        message="The diagram data is not in the expected format."
        homeHref={null}
        actions={back}
      />
    );
  return (
    <div className="flex flex-col gap-3">
      {back}
      <OwnershipDiagram
        key={assetId}
        diagram={parsed.diagram}
        mode="share"
        allowConnections={info.permissions.connections}
        syncUrl
        footer={`© ${new Date().getFullYear()} ${info.organizationName}`}
      />
    </div>
  );
}
