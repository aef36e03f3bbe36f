'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage } from '@/components/forms';
import { InlineError, SkeletonRows } from '@/components/States';
import { ApiError, apiData } from '@/lib/api';
import { useApiData } from '@/lib/queries';
import { ME_QUERY_KEY, useMe } from '@/lib/session';
import { SettingsNav } from './SettingsNav';

interface OrganizationDetail {
  name: string;
  environmentMode: string;
  status: string;
  logoUrl: string | null;
  settings: { darkMode: boolean | null };
}

/** Organization settings (B2.17): admins rename and set the default theme; members read; mode is read-only. */
export default function SettingsPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const orgId = me.data?.organization.id;
  const org = useApiData<OrganizationDetail>(orgId ? `/organizations/${orgId}` : null);
  const canEdit = me.data !== undefined && me.data.user.role !== 'member';
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const save = useMutation({
    mutationFn: (body: object) =>
      apiData<OrganizationDetail>(`/organizations/${orgId}`, { method: 'PATCH', body }),
    onSuccess: () => {
      setMessage({ tone: 'success', text: 'Saved.' });
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: [`/organizations/${orgId}`] });
    },
    onError: (error) =>
      setMessage({ tone: 'error', text: error instanceof ApiError ? error.message : 'Not saved.' }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const theme = String(form.get('darkMode'));
    save.mutate({
      name: String(form.get('name')).trim(),
      settings: { darkMode: theme === 'system' ? null : theme === 'dark' },
    });
  };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsNav />
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      {org.isPending ? (
        <SkeletonRows rows={3} />
      ) : org.error ? (
        <InlineError error={org.error} />
      ) : (
        <form className="flex max-w-md flex-col gap-3" onSubmit={submit}>
          <Field
            label="Organization name"
            name="name"
            defaultValue={org.data.name}
            readOnly={!canEdit}
            required
          />
          <div>
            <label htmlFor="org-theme" className="label">
              Default theme
            </label>
            <select
              id="org-theme"
              name="darkMode"
              className="input"
              disabled={!canEdit}
              defaultValue={
                org.data.settings?.darkMode === true
                  ? 'dark'
                  : org.data.settings?.darkMode === false
                    ? 'light'
                    : 'system'
              }
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <p className="text-sm">
            <span className="muted">Plan (environment mode):</span> {org.data.environmentMode}
          </p>
          {canEdit && (
            <button type="submit" className="btn-primary self-start" disabled={save.isPending}>
              Save
            </button>
          )}
        </form>
      )}
    </div>
  );
}
