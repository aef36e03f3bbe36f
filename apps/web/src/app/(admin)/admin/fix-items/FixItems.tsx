'use client';

import Link from 'next/link';
import { useState } from 'react';
import { FormMessage } from '@/components/forms';
import { OrgSelect } from '@/components/OrgSelect';
import { PipelineJobCard } from '@/components/PipelineJobCard';
import { ApiError, apiData } from '@/lib/api';
import { FIX_LABELS, fixRequest, type FixRequest, type FixType } from './fix-request';

interface Queued {
  jobId: string;
  itemCount: number;
  startFromStep: string;
}

interface Running extends Queued {
  orgId: string;
  fixType: FixType;
  previousRunId: string | null;
  requestedAt: number;
}

const errorText = (caught: unknown) =>
  caught instanceof ApiError && caught.status === 409
    ? 'A pipeline run of this organization is already queued or running.'
    : caught instanceof ApiError
      ? caught.message
      : 'The fix was not started.';

/**
 * Fix items (B3, #81): an organization, a fix type and optional target ids re-run that organization's pipeline
 * from the step that recomputes the fix's target; the 202 becomes a live `job-card`, its end a status message.
 */
export function FixItems() {
  const [orgId, setOrgId] = useState('');
  const [fixType, setFixType] = useState<FixType>('reclass');
  const [targetIds, setTargetIds] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (request: FixRequest) => {
    setBusy(true);
    setMessage(null);
    try {
      // The run before this request, so the job card can tell the new run from the last finished one.
      const before = await apiData<{ run: { id: string } | null }>(
        `/organizations/${request.orgId}/pipeline`,
      );
      const requestedAt = Date.now();
      const queued = await apiData<Queued>('/admin/fix-items', { method: 'POST', body: request });
      setRunning({
        ...queued,
        orgId: request.orgId,
        fixType: request.fixType,
        previousRunId: before.run?.id ?? null,
        requestedAt,
      });
    } catch (caught) {
      setMessage({ tone: 'error', text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Fix items</h1>
      <form
        className="flex flex-col gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = fixRequest.safeParse({ orgId, fixType, targetIds });
          setFieldError(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the form'));
          if (parsed.success) void submit(parsed.data);
        }}
      >
        <div>
          <OrgSelect id="fix-org" value={orgId} onChange={setOrgId} required />
        </div>
        <div>
          <label htmlFor="fix-type" className="label">
            Fix
          </label>
          <select
            id="fix-type"
            className="input"
            value={fixType}
            onChange={(event) => setFixType(event.target.value as FixType)}
          >
            {Object.entries(FIX_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs muted">
            Entity renormalization (merge, split, rename) is on the organization&apos;s{' '}
            {orgId ? (
              <Link href={`/admin/organizations/${orgId}?tab=entities`} className="link">
                Entities tab
              </Link>
            ) : (
              'Entities tab'
            )}
            .
          </p>
        </div>
        <div>
          <label htmlFor="fix-targets" className="label">
            Target ids (optional)
          </label>
          <textarea
            id="fix-targets"
            className="input font-mono"
            rows={3}
            value={targetIds}
            aria-describedby="fix-targets-hint"
            onChange={(event) => setTargetIds(event.target.value)}
          />
          <p id="fix-targets-hint" className="mt-1 text-xs muted">
            Asset ids, one per line. Empty fixes every asset of the organization.
          </p>
        </div>
        {fieldError && <FormMessage tone="error">{fieldError}</FormMessage>}
        <div>
          <button type="submit" className="btn-primary" disabled={busy} data-testid="fix-run">
            {busy ? 'Starting…' : 'Run fix'}
          </button>
        </div>
      </form>
      {message && (
        <FormMessage tone={message.tone}>
          {message.text}
          {message.tone === 'success' && running && (
            <>
              {' '}
              <Link href={`/admin/organizations/${running.orgId}?tab=pipeline`} className="link">
                Open the pipeline
              </Link>
            </>
          )}
        </FormMessage>
      )}
      {running && (
        <PipelineJobCard
          key={running.jobId}
          orgId={running.orgId}
          title={`${FIX_LABELS[running.fixType]}: ${running.itemCount} items from ${running.startFromStep}`}
          previousRunId={running.previousRunId}
          requestedAt={running.requestedAt}
          onFinish={(status) =>
            setMessage(
              status === 'success'
                ? { tone: 'success', text: 'The fix finished.' }
                : { tone: 'error', text: 'The fix failed; see the pipeline for the failed step.' },
            )
          }
        />
      )}
    </div>
  );
}
