'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, apiData } from '@/lib/api';
import { Field, FormMessage, PasswordChecklist, focusFirstInvalid, passwordAcceptable } from './forms';

/**
 * Setting a password from an emailed token: the reset form (#7) and the invitation acceptance (#12), which also
 * takes the invitee's name and signs them in. A used or expired token explains what to do next.
 */
export function NewPasswordForm({ kind }: { kind: 'reset' | 'invite' }) {
  const token = useSearchParams().get('token') ?? '';
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(null);
    setFieldErrors({});
    try {
      if (kind === 'reset') {
        await apiData('/auth/reset-password', {
          method: 'POST',
          body: { token, password },
          refreshOn401: false,
        });
        setDone(true);
      } else {
        await apiData('/auth/accept-invite', {
          method: 'POST',
          body: { token, name: String(form.get('name') || '') || undefined, password },
          refreshOn401: false,
        });
        window.location.assign('/');
      }
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length && !caught.fieldErrors.token) {
        setFieldErrors(caught.fieldErrors);
        setTimeout(() => focusFirstInvalid(formRef.current), 0);
      } else if (caught instanceof ApiError && caught.status < 500) {
        setFailure(
          kind === 'reset'
            ? 'This reset link is used or expired.'
            : 'This invitation is no longer valid — ask your admin to resend it.',
        );
      } else setFailure('Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-bold">Password changed</h1>
        <FormMessage tone="success">
          Your password was changed and your other sessions were signed out.
        </FormMessage>
        <Link href="/login" className="btn-primary">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">
        {kind === 'reset' ? 'Choose a new password' : 'Accept your invitation'}
      </h1>
      {(failure || !token) && (
        <FormMessage tone="error">
          {failure ?? 'The link is incomplete.'}{' '}
          {kind === 'reset' && (
            <Link href="/forgot-password" className="link">
              Request a new link
            </Link>
          )}
        </FormMessage>
      )}
      <form ref={formRef} className="flex flex-col gap-3" onSubmit={submit} noValidate>
        {kind === 'invite' && (
          <Field label="Your name" name="name" autoComplete="name" error={fieldErrors.name} />
        )}
        <div>
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
          />
          <PasswordChecklist password={password} />
        </div>
        <button
          type="submit"
          className="btn-primary"
          disabled={busy || !token || !passwordAcceptable(password)}
        >
          {kind === 'reset' ? 'Change password' : 'Set password and sign in'}
        </button>
      </form>
    </div>
  );
}
