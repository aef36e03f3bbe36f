import Link from 'next/link';
import type { ReactNode } from 'react';

export interface ErrorPageProps {
  status: number;
  title: string;
  message: ReactNode;
  /** The `X-Request-ID` of the failed call, always shown (Part D). */
  requestId?: string | null;
  /** Share-link variants carry their reason (`expired`, `revoked`, `max_uses`, `not_found`, `rate_limited`). */
  reason?: string;
  /** Extra actions; a link home is shown unless `homeHref` is null (share viewer pages have no app navigation). */
  actions?: ReactNode;
  homeHref?: string | null;
}

/** The `error-page` of Part D: 404 (also other tenants' objects), 403, 410, 429, 500 and 503. */
export function ErrorPage({
  status,
  title,
  message,
  requestId,
  reason,
  actions,
  homeHref = '/',
}: ErrorPageProps) {
  return (
    <section
      data-testid="error-page"
      data-status={status}
      data-reason={reason}
      className="mx-auto flex max-w-xl flex-col items-start gap-4 py-16"
      aria-labelledby="error-page-title"
    >
      <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">Error {status}</p>
      <h1 id="error-page-title" className="text-2xl font-bold">
        {title}
      </h1>
      <div className="muted">{message}</div>
      <div className="flex flex-wrap gap-3">
        {actions}
        {homeHref !== null && (
          <Link href={homeHref} className="btn">
            Go to the start page
          </Link>
        )}
      </div>
      {requestId && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Request id: <code data-testid="request-id">{requestId}</code>
        </p>
      )}
    </section>
  );
}
