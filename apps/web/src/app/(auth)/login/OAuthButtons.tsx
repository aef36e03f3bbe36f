'use client';

import { useState } from 'react';
import { FormMessage } from '@/components/forms';
import { startOAuthSignIn } from './oauth-actions';

export type OAuthProvider = 'google' | 'microsoft';

export const PROVIDER_LABEL: Record<OAuthProvider, string> = { google: 'Google', microsoft: 'Microsoft' };

/** "Continue with Google/Microsoft" (B1): the server remembers the PKCE request, the browser goes to the provider. */
export function OAuthButtons({ providers, returnTo }: { providers: OAuthProvider[]; returnTo: string }) {
  const [busy, setBusy] = useState<OAuthProvider | null>(null);
  const [failed, setFailed] = useState(false);
  if (providers.length === 0) return null;

  const start = async (provider: OAuthProvider) => {
    setBusy(provider);
    setFailed(false);
    try {
      const authorizeUrl = await startOAuthSignIn(provider, returnTo);
      if (!authorizeUrl) throw new Error('provider not configured');
      window.location.assign(authorizeUrl);
    } catch {
      setFailed(true);
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      {failed && <FormMessage tone="error">That sign-in option is unavailable right now.</FormMessage>}
      {providers.map((provider) => (
        <button
          key={provider}
          type="button"
          className="btn"
          disabled={busy !== null}
          onClick={() => void start(provider)}
          data-testid={`oauth-${provider}`}
        >
          {busy === provider ? 'Redirecting…' : `Continue with ${PROVIDER_LABEL[provider]}`}
        </button>
      ))}
    </div>
  );
}
