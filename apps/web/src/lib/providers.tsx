'use client';

import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError, loginUrl } from './api';

/** Pages that never hold a user session: a 401 there is not a reason to sign in. */
const PUBLIC_PREFIXES = [
  '/shared/',
  '/login',
  '/register',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/accept-invite',
];

/**
 * Client-side query cache for the whole app. 4xx answers are final, so only other failures are retried; a 401
 * that survived the silent refresh sends the user to the login, keeping the page (and its filters) to return to.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({
          onError: (error) => {
            if (!(error instanceof ApiError) || error.status !== 401) return;
            const { pathname, search } = window.location;
            if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return;
            window.location.assign(loginUrl(`${pathname}${search}`));
          },
        }),
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
          },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
