'use client';

import Link from 'next/link';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ErrorPage } from '@/components/ErrorPage';
import { useCountdown } from '@/components/forms';
import { Skeleton } from '@/components/States';
import { ApiError, apiData } from '@/lib/api';
import { formatDate } from '@/lib/format';

export interface ShareInfo {
  organizationName: string;
  logoUrl: string | null;
  permissions: { diagram: boolean; assetList: boolean; connections: boolean };
  assetCount: number;
  expiresAt: string | null;
}

const ShareContext = createContext<{ code: string; info: ShareInfo } | null>(null);

export function useShare(): { code: string; info: ShareInfo } {
  const value = useContext(ShareContext);
  if (!value) throw new Error('useShare outside the share viewer');
  return value;
}

/** The share-link error variants of B6: own heading and `data-reason`, no app navigation, no login prompt. */
function ShareLinkError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const [retryIn, startCountdown] = useCountdown();
  useEffect(() => {
    if (error.status === 429) startCountdown(error.retryAfter ?? 60);
  }, [error, startCountdown]);
  const reason = String(error.details.reason ?? '');
  const common = { requestId: error.requestId, homeHref: null };
  if (error.status === 410 && reason === 'expired') {
    const expiredAt = typeof error.details.expiredAt === 'string' ? error.details.expiredAt : null;
    return (
      <ErrorPage
        {...common}
        status={410}
        reason="expired"
        title="This link has expired"
        message={`This link expired${expiredAt ? ` on ${formatDate(expiredAt)}` : ''} — ask the sender for a new one.`}
      />
    );
  }
  if (error.status === 410 && reason === 'revoked') {
    return (
      <ErrorPage
        {...common}
        status={410}
        reason="revoked"
        title="This link was withdrawn"
        message="This link was withdrawn by its owner."
      />
    );
  }
  if (error.status === 410) {
    return (
      <ErrorPage
        {...common}
        status={410}
        reason="max_uses"
        title="This link has been used up"
        message="This link was opened the maximum number of times its owner allowed — ask the sender for a new one."
      />
    );
  }
  if (error.status === 429) {
    return (
      <ErrorPage
        {...common}
        status={429}
        reason="rate_limited"
        title="Too many requests"
        message={retryIn > 0 ? `Please wait ${retryIn} s before trying again.` : 'You can try again now.'}
        actions={
          <button type="button" className="btn-primary" disabled={retryIn > 0} onClick={onRetry}>
            Try again
          </button>
        }
      />
    );
  }
  if (error.status === 404) {
    return (
      <ErrorPage
        {...common}
        status={404}
        reason="not_found"
        title="This link is not valid"
        message="Check that you copied the whole link, or ask the sender for a new one."
      />
    );
  }
  return (
    <ErrorPage
      {...common}
      status={error.status}
      title="Something went wrong"
      message={error.message}
      actions={
        <button type="button" className="btn-primary" onClick={onRetry}>
          Retry
        </button>
      }
    />
  );
}

/**
 * The public share viewer's frame (B6): one entry call per visit validates the code, counts the use and sets the
 * share cookie; the minimal header shows only the sharing organization.
 */
export function ShareFrame({ code, children }: { code: string; children: ReactNode }) {
  const [info, setInfo] = useState<ShareInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    apiData<ShareInfo>(`/shared/${encodeURIComponent(code)}`, { refreshOn401: false })
      .then((value) => !cancelled && setInfo(value))
      .catch(
        (caught) =>
          !cancelled &&
          setError(
            caught instanceof ApiError
              ? caught
              : new ApiError(500, 'INTERNAL_ERROR', 'The link could not be opened.'),
          ),
      );
    return () => {
      cancelled = true;
    };
  }, [code, attempt]);

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center gap-2 border-b border-zinc-200 px-4 dark:border-zinc-800">
        {info?.logoUrl && <img src={info.logoUrl} alt="" className="h-7 w-7 rounded object-contain" />}
        <span className="truncate font-semibold" data-testid="share-org">
          {info?.organizationName ?? 'Shared patents'}
        </span>
      </header>
      <main id="main" className="min-w-0 flex-1 px-3 py-4 md:px-6">
        {error ? (
          <ShareLinkError error={error} onRetry={() => setAttempt(attempt + 1)} />
        ) : !info ? (
          <div role="status" aria-label="Opening the link" className="flex flex-col gap-3">
            <Skeleton className="h-7 w-64" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : (
          <ShareContext value={{ code, info }}>{children}</ShareContext>
        )}
      </main>
      <footer className="border-t border-zinc-200 px-4 py-3 text-xs muted dark:border-zinc-800">
        © {new Date().getFullYear()} {info?.organizationName ?? 'PatenTrack3'} · Patent ownership by
        PatenTrack3 ·{' '}
        <Link href="/register" className="link">
          Request a demo
        </Link>
      </footer>
    </div>
  );
}
