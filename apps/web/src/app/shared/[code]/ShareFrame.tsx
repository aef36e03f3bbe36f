'use client';

import Link from 'next/link';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ErrorPage } from '@/components/ErrorPage';
import { useCountdown } from '@/components/forms';
import { Skeleton } from '@/components/States';
import { ApiError, apiData } from '@/lib/api';
import { formatDate } from '@/lib/format';
import type { ShareLinkVerdict } from '@/server/auth/share-links/viewer';

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

/**
 * The dead-link variants of B6, each with its own heading and `data-reason`, no app navigation and no login
 * prompt; rendered by the server for a page load (with its 404/410) and here when the entry call reports one.
 */
export function ShareLinkVerdictPage({
  verdict,
  requestId,
}: {
  verdict: ShareLinkVerdict;
  requestId?: string | null;
}) {
  const common = { requestId, homeHref: null, reason: verdict.reason };
  switch (verdict.reason) {
    case 'expired':
      return (
        <ErrorPage
          {...common}
          status={410}
          title="This link has expired"
          message={`This link expired${verdict.expiredAt ? ` on ${formatDate(verdict.expiredAt)}` : ''} — ask the sender for a new one.`}
        />
      );
    case 'revoked':
      return (
        <ErrorPage
          {...common}
          status={410}
          title="This link was withdrawn"
          message="This link was withdrawn by its owner."
        />
      );
    case 'max_uses':
      return (
        <ErrorPage
          {...common}
          status={410}
          title="This link has been used up"
          message="This link was opened the maximum number of times its owner allowed — ask the sender for a new one."
        />
      );
    case 'not_found':
      return (
        <ErrorPage
          {...common}
          status={404}
          title="This link is not valid"
          message="Check that you copied the whole link, or ask the sender for a new one."
        />
      );
  }
}

/** The entry call's verdict on the link, when its error is one. */
function linkVerdictOf(error: ApiError): ShareLinkVerdict | null {
  if (error.status === 404) return { reason: 'not_found' };
  if (error.status !== 410) return null;
  const reason = String(error.details.reason ?? '');
  if (reason === 'expired') {
    const expiredAt = typeof error.details.expiredAt === 'string' ? error.details.expiredAt : null;
    return { reason: 'expired', expiredAt };
  }
  return { reason: reason === 'revoked' ? 'revoked' : 'max_uses' };
}

/** The entry call failed: a dead link, too many requests (with a timer), or an error to retry. */
function ShareLinkError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const [retryIn, startCountdown] = useCountdown();
  useEffect(() => {
    if (error.status === 429) startCountdown(error.retryAfter ?? 60);
  }, [error, startCountdown]);
  const verdict = linkVerdictOf(error);
  if (verdict) return <ShareLinkVerdictPage verdict={verdict} requestId={error.requestId} />;
  const common = { requestId: error.requestId, homeHref: null };
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

/** The share viewer's minimal chrome (B6): the sharing organization once known, copyright and "Request a demo". */
export function ShareChrome({
  organization,
  children,
}: {
  organization?: { name: string; logoUrl: string | null };
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center gap-2 border-b border-zinc-200 px-4 dark:border-zinc-800">
        {organization?.logoUrl && (
          <img src={organization.logoUrl} alt="" className="h-7 w-7 rounded object-contain" />
        )}
        <span className="truncate font-semibold" data-testid="share-org">
          {organization?.name ?? 'Shared patents'}
        </span>
      </header>
      <main id="main" className="min-w-0 flex-1 px-3 py-4 md:px-6">
        {children}
      </main>
      <footer className="border-t border-zinc-200 px-4 py-3 text-xs muted dark:border-zinc-800">
        © {new Date().getFullYear()} {organization?.name ?? 'PatenTrack3'} · Patent ownership by PatenTrack3 ·{' '}
        <Link href="/register" className="link">
          Request a demo
        </Link>
      </footer>
    </div>
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
    <ShareChrome organization={info ? { name: info.organizationName, logoUrl: info.logoUrl } : undefined}>
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
    </ShareChrome>
  );
}
