'use client';

import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api';
import { ErrorPage } from './ErrorPage';

/** `empty-state`: the reason plus the next action (Part D). */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div
      data-testid="empty-state"
      className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700"
    >
      <p className="font-medium">{title}</p>
      {children && <div className="muted text-sm">{children}</div>}
    </div>
  );
}

/** A grey placeholder block shown while data loads. */
export function Skeleton({ className = 'h-4 w-full' }: { className?: string }) {
  return (
    <div aria-hidden="true" className={`animate-pulse rounded bg-zinc-200 dark:bg-zinc-800 ${className}`} />
  );
}

export function SkeletonRows({ rows = 6, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-2" data-testid="skeleton">
      <span className="sr-only">{label}…</span>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="h-8 w-full" />
      ))}
    </div>
  );
}

/** An API failure as an error page: 404 for unknown or foreign objects, 403, 5xx with Retry. */
export function ApiErrorView({
  error,
  onRetry,
  notFoundTitle = 'Not found',
}: {
  error: unknown;
  onRetry?: () => void;
  notFoundTitle?: string;
}) {
  const apiError = error instanceof ApiError ? error : null;
  const status = apiError?.status ?? 500;
  if (status === 404) {
    return (
      <ErrorPage
        status={404}
        title={notFoundTitle}
        message="It does not exist, or it is not part of your organization."
        requestId={apiError?.requestId}
      />
    );
  }
  if (status === 403) {
    return (
      <ErrorPage
        status={403}
        title="Access denied"
        message="Your role does not allow this."
        requestId={apiError?.requestId}
      />
    );
  }
  if (status === 503) {
    return (
      <ErrorPage
        status={503}
        title="Down for maintenance"
        message="Please try again in a few minutes."
        requestId={apiError?.requestId}
      />
    );
  }
  return (
    <ErrorPage
      status={status}
      title="Something went wrong"
      message={apiError?.message ?? 'The request failed.'}
      requestId={apiError?.requestId}
      actions={
        onRetry && (
          <button type="button" className="btn-primary" onClick={onRetry}>
            Retry
          </button>
        )
      }
    />
  );
}

/** Inline error line for a section of a page (a card's data failed, the page still works). */
export function InlineError({ error }: { error: unknown }) {
  const apiError = error instanceof ApiError ? error : null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {apiError?.message ?? 'Could not load this section.'}
      {apiError?.requestId && <span className="ml-1 text-xs">(request id {apiError.requestId})</span>}
    </p>
  );
}
