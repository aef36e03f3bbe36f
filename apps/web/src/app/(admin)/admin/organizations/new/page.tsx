'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ENVIRONMENT_MODES } from '@patentrack/shared';
import { Field, FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { CompaniesField, companiesOf } from '../CompaniesField';

interface Draft {
  name: string;
  environmentMode: string;
  adminName: string;
  adminEmail: string;
  companies: string[];
}

/** Onboarding wizard (B3.1): enter, review, create (#74), then watch the pipeline on the organization's page. */
export default function OnboardOrganizationPage() {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDraft({
      name: String(form.get('name')).trim(),
      environmentMode: String(form.get('environmentMode')),
      adminName: String(form.get('adminName')).trim(),
      adminEmail: String(form.get('adminEmail')).trim(),
      companies: companiesOf(form),
    });
  };

  const create = async () => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const created = await apiData<{ id: string }>('/admin/organizations', { method: 'POST', body: draft });
      router.push(`/admin/organizations/${created.id}?tab=pipeline`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The organization was not created.');
      setBusy(false);
    }
  };

  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Onboard an organization</h1>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {draft ? (
        <section className="card flex flex-col gap-3" aria-labelledby="review-heading">
          <h2 id="review-heading" className="font-semibold">
            Review
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="muted">Organization</dt>
            <dd>{draft.name}</dd>
            <dt className="muted">Mode</dt>
            <dd>{draft.environmentMode}</dd>
            <dt className="muted">First admin</dt>
            <dd>
              {draft.adminName} &lt;{draft.adminEmail}&gt;
            </dd>
            <dt className="muted">Companies</dt>
            <dd>{draft.companies.length ? draft.companies.join('; ') : 'none'}</dd>
          </dl>
          <div className="flex gap-2">
            <button type="button" className="btn" onClick={() => setDraft(null)}>
              Back
            </button>
            <button
              type="button"
              className="btn-primary"
              onClick={create}
              disabled={busy}
              data-testid="onboard-create"
            >
              {busy ? 'Creating…' : 'Create and start the pipeline'}
            </button>
          </div>
        </section>
      ) : (
        <form className="flex flex-col gap-3" onSubmit={review}>
          <Field label="Organization name" name="name" required />
          <div>
            <label htmlFor="onboard-mode" className="label">
              Mode
            </label>
            <select id="onboard-mode" name="environmentMode" className="input" defaultValue="PRO">
              {ENVIRONMENT_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {mode}
                </option>
              ))}
            </select>
          </div>
          <Field label="First admin's name" name="adminName" required />
          <Field label="First admin's email" name="adminEmail" type="email" required />
          <CompaniesField id="onboard-companies" rows={5} />
          <button type="submit" className="btn-primary self-start">
            Review
          </button>
        </form>
      )}
    </div>
  );
}
