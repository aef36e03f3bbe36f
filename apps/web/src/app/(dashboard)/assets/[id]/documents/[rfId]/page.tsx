'use client';

import { useParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorPage } from '@/components/ErrorPage';
import { ApiError, apiData } from '@/lib/api';

/** Opens a recorded document: asks for a short-lived signed URL (#25) and goes there. */
export default function AssignmentDocumentPage() {
  const { id, rfId } = useParams<{ id: string; rfId: string }>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  useEffect(() => {
    apiData<{ url: string }>(`/assets/${id}/pdf`, { query: { rfId: decodeURIComponent(rfId) } })
      .then(({ url }) => window.location.replace(url))
      .catch((caught) =>
        setFailure(
          caught instanceof ApiError ? caught : new ApiError(500, 'INTERNAL_ERROR', 'Request failed'),
        ),
      );
  }, [id, rfId]);
  if (!failure)
    return (
      <p role="status" className="muted">
        Opening the recorded document…
      </p>
    );
  return (
    <ErrorPage
      status={failure.status}
      title={failure.status === 404 ? 'No document available' : 'The document could not be opened'}
      message={`No recorded document is available for reel/frame ${decodeURIComponent(rfId)}.`}
      requestId={failure.requestId}
      homeHref={`/assets/${id}/assignments`}
    />
  );
}
