'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { InlineError } from './States';

/**
 * An action on the selected rows that asks a few values inline before it runs (Export to Sheet, Send to Slack): a
 * button opens the form; submitting runs `onSubmit` with the form's values, closes the form when it succeeds and
 * shows its error otherwise. `status` is announced next to the button.
 */
export function SelectionAction({
  label,
  count,
  disabled,
  disabledReason,
  testId,
  submitLabel,
  busyLabel,
  fields,
  status,
  onOpen,
  onSubmit,
}: {
  label: string;
  count: number;
  disabled: boolean;
  disabledReason?: string;
  testId: string;
  submitLabel: string;
  busyLabel: string;
  /** The form's labelled inputs. */
  fields: ReactNode;
  status: ReactNode;
  onOpen?: () => void;
  onSubmit: (values: FormData) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      setOpen(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {open ? (
        <form className="inline-flex flex-wrap items-center gap-2" onSubmit={(event) => void submit(event)}>
          {fields}
          <button type="submit" className="btn-primary" disabled={busy} data-testid={`${testId}-submit`}>
            {busy ? busyLabel : submitLabel}
          </button>
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={disabled}
          title={disabledReason}
          data-testid={testId}
          onClick={() => {
            onOpen?.();
            setOpen(true);
          }}
        >
          {label}
          {count ? ` (${count})` : ''}
        </button>
      )}
      <span role="status" aria-live="polite" className="text-sm" data-testid={`${testId}-status`}>
        {status}
      </span>
      {error !== null && <InlineError error={error} />}
    </span>
  );
}
