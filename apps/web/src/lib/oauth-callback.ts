'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/**
 * The callback page of an OAuth round trip (sign-in or an integration): takes `code` and `state` from the URL,
 * drops them from the address bar, claims the pending request (`state` checked on the server) and completes the
 * flow. Returns the message to show when it cannot; runs once per page load, as the code is single use.
 */
export function useOAuthCallback<Pending>(
  claim: (state: string) => Promise<Pending | null>,
  complete: (code: string, pending: Pending) => Promise<void>,
  describeError: (caught: unknown) => string,
): string | null {
  const search = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = search.get('code');
    const state = search.get('state') ?? '';
    const cancelled = search.get('error') !== null;
    window.history.replaceState(null, '', window.location.pathname);
    const finish = async () => {
      const pending = await claim(state);
      if (!code || !pending) {
        setError(
          cancelled
            ? 'It was cancelled on the provider’s page.'
            : 'This attempt has expired or was already used. Please start again.',
        );
        return;
      }
      await complete(code, pending);
    };
    finish().catch((caught: unknown) => setError(describeError(caught)));
  }, [claim, complete, describeError, search]);

  return error;
}
