'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { useApiData } from '@/lib/queries';
import { CompaniesField, companiesOf } from '../CompaniesField';

/**
 * A self-registered organization waits here for a super admin (product.md #4): approving it names the companies it
 * monitors, as onboarding does, and queues its first pipeline run when there are any.
 */
export function ApprovalPanel({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const status = useApiData<{ awaitingApproval: boolean }>(`/admin/organizations/${orgId}`);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const approve = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const companies = companiesOf(new FormData(event.currentTarget));
    setBusy(true);
    try {
      const approved = await apiData<{ status: string; pipelineJobId: string | null }>(
        `/admin/organizations/${orgId}/approve`,
        { method: 'POST', body: { companies } },
      );
      setMessage({
        tone: 'success',
        text: approved.pipelineJobId
          ? 'Approved; its first pipeline run is queued.'
          : 'Approved; the organization is active.',
      });
      void queryClient.invalidateQueries();
    } catch (caught) {
      setMessage({ tone: 'error', text: caught instanceof ApiError ? caught.message : 'Approval failed.' });
    } finally {
      setBusy(false);
    }
  };

  if (message?.tone === 'success') return <FormMessage tone="success">{message.text}</FormMessage>;
  if (!status.data?.awaitingApproval) return null;
  return (
    <section
      className="card flex flex-col gap-3"
      aria-labelledby="approval-title"
      data-testid="approval-panel"
    >
      <h2 id="approval-title" className="font-semibold">
        Self-registered — awaiting approval
      </h2>
      <p className="text-sm muted">
        It has no data and no pipeline until you approve it. Name the companies it should monitor, or approve
        it without any: its admin can add them later.
      </p>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <form className="flex flex-col gap-3" onSubmit={approve}>
        <CompaniesField id="approve-companies" rows={4} />
        <button type="submit" className="btn-primary self-start" disabled={busy}>
          {busy ? 'Approving…' : 'Approve organization'}
        </button>
      </form>
    </section>
  );
}
