'use client';

import { ErrorPage } from '@/components/ErrorPage';

/** Unexpected render failures: a 500 page with Retry and the digest the server logged. */
export default function RouteError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="px-4">
      <ErrorPage
        status={500}
        title="Something went wrong"
        message="The page could not be shown."
        requestId={error.digest}
        actions={
          <button type="button" className="btn-primary" onClick={reset}>
            Retry
          </button>
        }
      />
    </main>
  );
}
