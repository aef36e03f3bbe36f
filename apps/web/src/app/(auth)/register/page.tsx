'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import {
  Field,
  FormMessage,
  PasswordChecklist,
  focusFirstInvalid,
  passwordAcceptable,
  useCountdown,
} from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';

/** Sign-up (B1, #4): a weak password blocks submit; success continues to email verification. */
export default function RegisterPage() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retryIn, startCountdown] = useCountdown();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await apiData('/auth/register', {
        method: 'POST',
        body: {
          name: String(form.get('name')),
          email,
          password,
          organizationName: String(form.get('organizationName') || '') || undefined,
        },
        refreshOn401: false,
      });
      router.push(`/verify-email?email=${encodeURIComponent(email)}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) startCountdown(caught.retryAfter ?? 60);
      if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length) {
        setFieldErrors(caught.fieldErrors);
        setTimeout(() => focusFirstInvalid(formRef.current), 0);
      } else setError(caught instanceof ApiError ? caught.message : 'Registration failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">Create an account</h1>
      {error && (
        <FormMessage tone="error">
          {error}
          {retryIn > 0 && ` Try again in ${retryIn} s.`}
        </FormMessage>
      )}
      <form ref={formRef} className="flex flex-col gap-3" onSubmit={submit} noValidate>
        <Field label="Name" name="name" autoComplete="name" required error={fieldErrors.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={fieldErrors.email}
        />
        <div>
          <Field
            label="Password"
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
        <Field
          label="Organization name (optional)"
          name="organizationName"
          autoComplete="organization"
          error={fieldErrors.organizationName}
        />
        <button
          type="submit"
          className="btn-primary"
          disabled={busy || retryIn > 0 || !passwordAcceptable(password)}
        >
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="text-sm">
        Already registered?{' '}
        <Link href="/login" className="link">
          Sign in
        </Link>
      </p>
    </div>
  );
}
