'use client';

import Link from 'next/link';
import { useState } from 'react';
import { FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { useOAuthCallback } from '@/lib/oauth-callback';
import { LoginForm } from '../../LoginForm';
import { PROVIDER_LABEL, type OAuthProvider } from '../../OAuthButtons';
import { claimOAuthSignIn } from '../../oauth-actions';

type SignInAnswer = { user?: { id: string }; mfaRequired?: boolean; mfaToken?: string };

/** Finishes sign-in with a provider: posts the code with the PKCE verifier to #8/#9, then as password login. */
export function OAuthCallback({ provider }: { provider: OAuthProvider }) {
  const [mfa, setMfa] = useState<{ token: string; returnTo: string } | null>(null);
  const error = useOAuthCallback(
    (state) => claimOAuthSignIn(provider, state),
    async (code, pending) => {
      const answer = await apiData<SignInAnswer>(`/auth/oauth/${provider}`, {
        method: 'POST',
        body: { code, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri },
        refreshOn401: false,
      });
      if (answer.mfaRequired && answer.mfaToken)
        setMfa({ token: answer.mfaToken, returnTo: pending.returnTo });
      else window.location.assign(pending.returnTo);
    },
    // Our sign-in refusals explain themselves (no account, unverified email, locked); anything else is generic.
    (caught) =>
      caught instanceof ApiError && (caught.status === 401 || caught.status === 403)
        ? caught.message
        : 'Sign-in is unavailable right now. Please try again.',
  );

  if (mfa) return <LoginForm providers={[]} mfaChallenge={mfa.token} returnTo={mfa.returnTo} />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Sign in with {PROVIDER_LABEL[provider]}</h1>
      {error ? (
        <>
          <FormMessage tone="error">
            <span data-testid="login-error">{error}</span>
          </FormMessage>
          <Link href="/login" className="link text-sm">
            Back to sign in
          </Link>
        </>
      ) : (
        <p role="status" className="muted">
          Signing you in…
        </p>
      )}
    </div>
  );
}
