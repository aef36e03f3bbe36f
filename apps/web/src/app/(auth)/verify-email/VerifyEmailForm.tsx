'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';

/** The 8-character email code (B1, #5); an expired code offers a new one. */
export function VerifyEmailForm() {
  const search = useSearchParams();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [state, setState] = useState<'idle' | 'verified' | 'expired' | 'error' | 'resent'>('idle');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    setBusy(true);
    try {
      await apiData('/auth/verify-email', { method: 'POST', body: { email, code }, refreshOn401: false });
      setState('verified');
    } catch (caught) {
      const expired =
        caught instanceof ApiError && (caught.status === 410 || caught.details.reason === 'expired');
      setState(expired ? 'expired' : 'error');
      setMessage(caught instanceof ApiError ? caught.message : 'Verification failed.');
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setBusy(true);
    try {
      await apiData('/auth/verify-email/resend', { method: 'POST', body: { email }, refreshOn401: false });
      setState('resent');
    } catch (caught) {
      setState('error');
      setMessage(caught instanceof ApiError ? caught.message : 'Could not send a new code.');
    } finally {
      setBusy(false);
    }
  };

  if (state === 'verified') {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-bold">Email verified</h1>
        <FormMessage tone="success">Your email address is confirmed.</FormMessage>
        <Link href="/login" className="btn-primary">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">Verify your email</h1>
      <p className="muted text-sm">We sent an 8-character code to your email address.</p>
      {state === 'error' && <FormMessage tone="error">{message}</FormMessage>}
      {state === 'resent' && <FormMessage tone="info">A new code is on its way.</FormMessage>}
      {state === 'expired' && (
        <FormMessage tone="error">
          This code has expired.{' '}
          <button type="button" className="link" onClick={resend} disabled={busy}>
            Send a new code
          </button>
        </FormMessage>
      )}
      <form className="flex flex-col gap-3" onSubmit={submit}>
        <Field
          label="Email"
          name="email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <Field label="Code" name="code" required minLength={8} maxLength={8} autoComplete="one-time-code" />
        <button type="submit" className="btn-primary" disabled={busy}>
          Verify
        </button>
        <button type="button" className="link text-left text-sm" onClick={resend} disabled={busy || !email}>
          Send a new code
        </button>
      </form>
    </div>
  );
}
