'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { FormMessage, Field, useCountdown } from '@/components/forms';
import { ApiError, apiData, safeReturnTo } from '@/lib/api';
import { OAuthButtons, type OAuthProvider } from './OAuthButtons';

type LoginAnswer = { user?: { id: string }; mfaRequired?: boolean; mfaToken?: string };

/**
 * Password login with the TOTP / backup-code step (B1): one generic message for bad credentials, countdown on 429.
 * `providers` are the configured OAuth sign-ins; the OAuth callback page opens this form at the code step
 * (`mfaChallenge`) when the account has MFA.
 */
export function LoginForm({
  providers,
  mfaChallenge,
  returnTo: givenReturnTo,
}: {
  providers: OAuthProvider[];
  mfaChallenge?: string;
  returnTo?: string;
}) {
  const search = useSearchParams();
  const returnTo = givenReturnTo ?? safeReturnTo(search.get('returnTo'));
  const [mfaToken, setMfaToken] = useState<string | null>(mfaChallenge ?? null);
  const [useBackupCode, setUseBackupCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retryIn, startCountdown] = useCountdown();
  const codeRef = useRef<HTMLInputElement>(null);

  const fail = (caught: unknown) => {
    if (caught instanceof ApiError && caught.status === 429) {
      startCountdown(caught.retryAfter ?? 60);
      setError('Too many attempts.');
    } else if (
      caught instanceof ApiError &&
      (caught.status === 401 || caught.status === 400 || caught.status === 403)
    ) {
      setError(mfaToken ? 'That code is not valid.' : 'Email or password is incorrect.');
    } else {
      setError('Sign-in is unavailable right now. Please try again.');
    }
  };

  const finish = (answer: LoginAnswer) => {
    if (answer.mfaRequired && answer.mfaToken) {
      setMfaToken(answer.mfaToken);
      setTimeout(() => codeRef.current?.focus(), 0);
      return;
    }
    // A full navigation, so every layout starts with the new session.
    window.location.assign(returnTo);
  };

  const submitPassword = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      finish(
        await apiData<LoginAnswer>('/auth/login', {
          method: 'POST',
          body: { email: String(form.get('email')), password: String(form.get('password')) },
          refreshOn401: false,
        }),
      );
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      finish(
        await apiData<LoginAnswer>('/auth/mfa/verify', {
          method: 'POST',
          body: { mfaToken, code: String(form.get('code')).replace(/\s/g, ''), isBackupCode: useBackupCode },
          refreshOn401: false,
        }),
      );
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const blocked = busy || retryIn > 0;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{mfaToken ? 'Two-step verification' : 'Sign in'}</h1>
      {error && (
        <FormMessage tone="error">
          <span data-testid="login-error">{error}</span>
          {retryIn > 0 && <span data-testid="retry-countdown"> Try again in {retryIn} s.</span>}
        </FormMessage>
      )}
      {mfaToken ? (
        <form className="flex flex-col gap-3" onSubmit={submitCode}>
          <Field
            ref={codeRef}
            label={useBackupCode ? 'Backup code' : 'Code from your authenticator app'}
            name="code"
            autoComplete="one-time-code"
            inputMode={useBackupCode ? 'text' : 'numeric'}
            required
          />
          <button type="submit" className="btn-primary" disabled={blocked}>
            {busy ? 'Verifying…' : 'Verify'}
          </button>
          <button
            type="button"
            className="link text-left text-sm"
            onClick={() => setUseBackupCode(!useBackupCode)}
          >
            {useBackupCode ? 'Use an authenticator code' : 'Use a backup code instead'}
          </button>
        </form>
      ) : (
        <form className="flex flex-col gap-3" onSubmit={submitPassword}>
          <Field label="Email" name="email" type="email" autoComplete="username" required />
          <Field label="Password" name="password" type="password" autoComplete="current-password" required />
          <button type="submit" className="btn-primary" disabled={blocked} data-testid="login-submit">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <div className="flex justify-between text-sm">
            <Link href="/forgot-password" className="link">
              Forgot password?
            </Link>
            <Link href="/register" className="link">
              Create an account
            </Link>
          </div>
        </form>
      )}
      {!mfaToken && <OAuthButtons providers={providers} returnTo={returnTo} />}
    </div>
  );
}
