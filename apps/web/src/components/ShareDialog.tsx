'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, apiData } from '@/lib/api';
import { useMe } from '@/lib/session';
import { Field, FormMessage } from './forms';

const EXPIRY_OPTIONS = [
  { value: '1h', label: '1 hour' },
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: 'never', label: 'Never', adminOnly: true },
] as const;
const MAX_ASSETS = 100;

interface CreatedShare {
  id: string;
  code: string;
  url: string;
  expiresAt: string | null;
}

/**
 * The share dialog (B2.17): a link for 1–100 selected assets with expiry, optional max uses and permissions
 * (#57). A native modal dialog traps focus and gives it back to the opener on close.
 */
export function ShareDialog({
  assetIds,
  defaultName,
  onClose,
}: {
  assetIds: string[];
  defaultName: string;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const me = useMe();
  const isAdmin = me.data?.user.role !== 'member';
  const [expiresIn, setExpiresIn] = useState('30d');
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const tooMany = assetIds.length > MAX_ASSETS;

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => opener?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const maxUses = String(form.get('maxUses') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      setCreated(
        await apiData<CreatedShare>('/shares', {
          method: 'POST',
          body: {
            name: String(form.get('name')),
            assetIds,
            expiresIn,
            ...(maxUses ? { maxUses: Number(maxUses) } : {}),
            allowDiagram: form.get('allowDiagram') === 'on',
            allowAssetList: form.get('allowAssetList') === 'on',
            allowConnections: form.get('allowConnections') === 'on',
          },
        }),
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The link could not be created.');
    } finally {
      setBusy(false);
    }
  };

  const shareUrl = created ? new URL(created.url, window.location.origin).toString() : '';
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="share-dialog-title"
      data-testid="share-dialog"
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id="share-dialog-title" className="text-lg font-bold">
          Share {assetIds.length} {assetIds.length === 1 ? 'asset' : 'assets'}
        </h2>
        {created ? (
          <div className="flex flex-col gap-3">
            <FormMessage tone="success">The link is ready.</FormMessage>
            <label className="label" htmlFor="share-url">
              Share link
            </label>
            <div className="flex gap-2">
              <input id="share-url" className="input" readOnly value={shareUrl} data-testid="share-url" />
              <button
                type="button"
                className="btn"
                onClick={async () => {
                  await navigator.clipboard?.writeText(shareUrl).catch(() => undefined);
                  setCopied(true);
                }}
              >
                {copied ? 'Copied' : 'Copy'}
              </button>
            </div>
            <button type="button" className="btn-primary self-end" onClick={() => dialogRef.current?.close()}>
              Done
            </button>
          </div>
        ) : (
          <form className="flex flex-col gap-3" onSubmit={submit}>
            {error && <FormMessage tone="error">{error}</FormMessage>}
            {tooMany && <FormMessage tone="error">A link can hold at most {MAX_ASSETS} assets.</FormMessage>}
            <Field label="Name" name="name" defaultValue={defaultName} required maxLength={200} />
            <div>
              <label htmlFor="share-expiry" className="label">
                Expires after
              </label>
              <select
                id="share-expiry"
                className="input"
                value={expiresIn}
                onChange={(event) => setExpiresIn(event.target.value)}
              >
                {EXPIRY_OPTIONS.filter((option) => !('adminOnly' in option) || isAdmin).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              {expiresIn === 'never' && (
                <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">
                  A link that never expires stays valid until you revoke it.
                </p>
              )}
            </div>
            <Field label="Maximum uses (optional)" name="maxUses" type="number" min={1} max={10000} />
            <fieldset className="flex flex-col gap-1 text-sm">
              <legend className="label">The recipient may see</legend>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="allowDiagram" defaultChecked /> Ownership diagrams
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="allowAssetList" defaultChecked /> The asset list
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="allowConnections" /> Transaction details
              </label>
            </fieldset>
            <div className="flex justify-end gap-2">
              <button type="button" className="btn" onClick={() => dialogRef.current?.close()}>
                Cancel
              </button>
              <button
                type="submit"
                className="btn-primary"
                disabled={busy || tooMany || assetIds.length === 0}
                data-testid="share-create"
              >
                {busy ? 'Creating…' : 'Create link'}
              </button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
