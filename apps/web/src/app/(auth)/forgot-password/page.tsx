'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage, useCountdown } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';

const NEUTRAL = 'If an account exists for that address, we sent a link to reset the password.';

/** Reset request (B1, #6): always the same neutral message, whether or not the account exists. */
export default function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [retryIn, startCountdown] = useCountdown();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email'));
    setBusy(true);
    try {
      await apiData('/auth/forgot-password', { method: 'POST', body: { email }, refreshOn401: false });
      setSent(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) startCountdown(caught.retryAfter ?? 60);
      else setSent(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">Reset your password</h1>
      {sent && <FormMessage tone="info">{NEUTRAL}</FormMessage>}
      {retryIn > 0 && <FormMessage tone="error">Too many requests. Try again in {retryIn} s.</FormMessage>}
      <form className="flex flex-col gap-3" onSubmit={submit}>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <button type="submit" className="btn-primary" disabled={busy || retryIn > 0}>
          Send reset link
        </button>
      </form>
      <Link href="/login" className="link text-sm">
        Back to sign in
      </Link>
    </div>
  );
}
