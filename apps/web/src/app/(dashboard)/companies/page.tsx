'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DataList } from '@/components/DataList';
import { Field, FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { useLiveEvent } from '@/lib/live-events';
import { isReadOnlyMode } from '@/lib/navigation';
import { useMe } from '@/lib/session';

interface CompanyRow {
  id: string;
  name: string;
  domain: string | null;
  logoUrl: string | null;
  assetCount: number;
  entityId: string | null;
  enrichmentStatus?: string | null;
}

/** Monitored companies (B2.15): admins add (enrichment + pipeline) and remove them; members only read. */
export default function CompaniesPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const orgId = me.data?.organization.id;
  const canManage =
    me.data !== undefined &&
    me.data.user.role !== 'member' &&
    !isReadOnlyMode(me.data.organization.environmentMode);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const path = orgId ? `/organizations/${orgId}/companies` : null;
  // A new company shows "enriching…" until its enrichment job reports back.
  useLiveEvent((event) => {
    if (event.type === 'job-complete' && event.data.kind === 'enrichment')
      void queryClient.invalidateQueries({ queryKey: [path] });
  });

  const add = useMutation({
    mutationFn: (body: { name: string; domain?: string }) => apiData(path!, { method: 'POST', body }),
    onSuccess: () => {
      setMessage({ tone: 'success', text: 'Company added; its patents are being collected.' });
      void queryClient.invalidateQueries({ queryKey: [path] });
    },
    onError: (error) =>
      setMessage({
        tone: 'error',
        text: error instanceof ApiError ? error.message : 'The company could not be added.',
      }),
  });
  const remove = useMutation({
    mutationFn: (companyId: string) => apiData(`${path}/${companyId}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [path] }),
    onError: (error) =>
      setMessage({
        tone: 'error',
        text: error instanceof ApiError ? error.message : 'The company could not be removed.',
      }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const domain = String(form.get('domain') ?? '').trim();
    add.mutate({ name: String(form.get('name')).trim(), ...(domain ? { domain } : {}) });
    event.currentTarget.reset();
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Companies</h1>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      {canManage && (
        <form
          onSubmit={submit}
          className="grid max-w-2xl gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          aria-label="Add a company"
        >
          <Field label="Company name" name="name" required />
          <Field label="Domain (optional)" name="domain" />
          <button type="submit" className="btn-primary" disabled={add.isPending}>
            Add
          </button>
        </form>
      )}
      <DataList<CompanyRow>
        path={path}
        label="Monitored companies"
        emptyTitle="No companies monitored yet"
        rowKey={(row) => row.id}
        columns={[
          {
            header: 'Name',
            cell: (row) => (
              <span className="inline-flex items-center gap-2">
                {row.logoUrl && <img src={row.logoUrl} alt="" className="h-5 w-5" />}
                {row.name}
              </span>
            ),
          },
          { header: 'Domain', cell: (row) => row.domain ?? '—' },
          {
            header: 'Enrichment',
            cell: (row) =>
              row.enrichmentStatus === 'pending' || row.enrichmentStatus === 'running'
                ? 'enriching…'
                : (row.enrichmentStatus ?? '—'),
          },
          { header: 'Assets', cell: (row) => formatCount(row.assetCount) },
          ...(canManage
            ? [
                {
                  header: 'Actions',
                  cell: (row: CompanyRow) => (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => window.confirm(`Stop monitoring ${row.name}?`) && remove.mutate(row.id)}
                    >
                      Remove
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
