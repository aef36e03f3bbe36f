'use client';

import { useEffect, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { CONVEY_TYPES } from '@patentrack/shared';
import { PASSWORD_RULES, failedPasswordRules } from '@/server/auth/password-policy';

/** A labelled input with its inline error (`details.fieldErrors`, Part D). */
export function Field({
  label,
  name,
  error,
  hint,
  ref,
  ...input
}: {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** Moves focus to the first invalid field after a failed submit (Part D). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** The live password checklist (≥12, upper, lower, digit; a symbol suggested) of the auth layer's policy. */
export function PasswordChecklist({ password }: { password: string }) {
  const failed = new Set(failedPasswordRules(password));
  const hasSymbol = /[^\p{L}\p{N}]/u.test(password);
  return (
    <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label="Password rules" data-testid="password-rules">
      {PASSWORD_RULES.map((rule) => {
        const ok = !failed.has(rule.id);
        return (
          <li
            key={rule.id}
            data-rule={rule.id}
            data-ok={ok}
            className={ok ? 'text-green-800 dark:text-green-300' : 'muted'}
          >
            <span aria-hidden="true">{ok ? '✔ ' : '○ '}</span>
            {rule.message}
            <span className="sr-only">{ok ? ' (met)' : ' (not met)'}</span>
          </li>
        );
      })}
      <li className={hasSymbol ? 'text-green-800 dark:text-green-300' : 'muted'}>
        <span aria-hidden="true">{hasSymbol ? '✔ ' : '○ '}</span>A symbol (suggested)
      </li>
    </ul>
  );
}

export function passwordAcceptable(password: string): boolean {
  return failedPasswordRules(password).length === 0;
}

/** Seconds left of a 429's `Retry-After`, counting down once a second. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [remaining, setRemaining] = useState(0);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setRemaining((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [remaining]);
  return [remaining, setRemaining];
}

export function FormMessage({ tone, children }: { tone: 'error' | 'info' | 'success'; children: ReactNode }) {
  const styles = {
    error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200',
    info: 'border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200',
    success:
      'border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200',
  };
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${styles[tone]}`}
    >
      {children}
    </div>
  );
}

/** A labelled filter over the conveyance types of business-rules §0.3; the empty value means any type. */
export function ConveyanceTypeSelect(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel?: string;
}) {
  return (
    <>
      <label htmlFor={props.id} className="label">
        Conveyance type
      </label>
      <select
        id={props.id}
        className="input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.anyLabel ?? 'All'}</option>
        {CONVEY_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
    </>
  );
}
