'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { LoginForm } from '../../LoginForm';
import { PROVIDER_LABEL, type OAuthProvider } from '../../OAuthButtons';
import { claimOAuthSignIn } from '../../oauth-actions';

type SignInAnswer = { user?: { id: string }; mfaRequired?: boolean; mfaToken?: string };
type Outcome =
  { kind: 'working' } | { kind: 'mfa'; token: string; returnTo: string } | { kind: 'error'; message: string };

/**
 * Finishes the provider round trip: checks `state` against the pending request (httpOnly cookie), drops the code
 * from the address bar, posts it with the PKCE verifier to #8/#9, then goes on like password login.
 */
export function OAuthCallback({ provider }: { provider: OAuthProvider }) {
  const search = useSearchParams();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });
  const started = useRef(false);

  useEffect(() => {
    // The code is single use: run once, even when React re-runs effects in development.
    if (started.current) return;
    started.current = true;
    const code = search.get('code');
    const state = search.get('state') ?? '';
    window.history.replaceState(null, '', window.location.pathname);
    const finish = async () => {
      const pending = await claimOAuthSignIn(provider, state);
      if (!code || !pending) {
        setOutcome({
          kind: 'error',
          message: search.get('error')
            ? 'Sign-in was cancelled.'
            : 'This sign-in attempt has expired or was already used. Please start again.',
        });
        return;
      }
      const answer = await apiData<SignInAnswer>(`/auth/oauth/${provider}`, {
        method: 'POST',
        body: { code, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri },
        refreshOn401: false,
      });
      if (answer.mfaRequired && answer.mfaToken) {
        setOutcome({ kind: 'mfa', token: answer.mfaToken, returnTo: pending.returnTo });
        return;
      }
      window.location.assign(pending.returnTo);
    };
    finish().catch((caught: unknown) =>
      setOutcome({
        kind: 'error',
        // Our sign-in refusals explain themselves (no account, unverified email, locked); anything else is generic.
        message:
          caught instanceof ApiError && (caught.status === 401 || caught.status === 403)
            ? caught.message
            : 'Sign-in is unavailable right now. Please try again.',
      }),
    );
  }, [provider, search]);

  if (outcome.kind === 'mfa')
    return <LoginForm providers={[]} mfaChallenge={outcome.token} returnTo={outcome.returnTo} />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">Sign in with {PROVIDER_LABEL[provider]}</h1>
      {outcome.kind === 'working' ? (
        <p role="status" className="muted">
          Signing you in…
        </p>
      ) : (
        <>
          <FormMessage tone="error">
            <span data-testid="login-error">{outcome.message}</span>
          </FormMessage>
          <Link href="/login" className="link text-sm">
            Back to sign in
          </Link>
        </>
      )}
    </div>
  );
}
