'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiData } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { useLiveEvent } from '@/lib/live-events';
import { FormMessage } from './forms';

interface NormalizationJob {
  jobId: string;
  dryRun: boolean;
  threshold: number | null;
  result: {
    proposedGroups: {
      canonicalName: string;
      canonicalEntityId: string;
      change: 'added' | 'moved' | 'unchanged';
      members: { entityId: string; name: string; instances: number }[];
    }[];
    summary: {
      parties: number;
      currentGroups: number;
      proposedGroups: number;
      added: number;
      moved: number;
      unchanged: number;
      applied: number;
      skipped: number;
    };
  };
}

const SHOWN_GROUPS = 50;

/**
 * Entity normalization (B4) for org admins and super admins: preview a run (org length bands or one threshold),
 * review the proposed groups as added / moved / unchanged, apply that preview; the pipeline then recomputes.
 */
export function NormalizationPanel({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const [threshold, setThreshold] = useState('');
  const [job, setJob] = useState<NormalizationJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [recomputing, setRecomputing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success' | 'info'; text: string } | null>(null);
  const base = `/organizations/${orgId}/entities/normalize`;

  useLiveEvent((event) => {
    if (event.type === 'pipeline-complete' && event.data.orgId === orgId) {
      setRecomputing(false);
      void queryClient.invalidateQueries();
    }
  });

  const start = async (body: object) => {
    setBusy(true);
    setMessage(null);
    try {
      const started = await apiData<{ jobId: string }>(base, { method: 'POST', body });
      const result = await apiData<NormalizationJob>(`${base}/${started.jobId}`);
      setJob(result);
      if (!result.dryRun) {
        setRecomputing(true);
        setMessage({
          tone: 'success',
          text: `Applied: ${formatCount(result.result.summary.applied)} changes.`,
        });
        void queryClient.invalidateQueries();
      }
    } catch (caught) {
      setMessage({
        tone: 'error',
        text:
          caught instanceof ApiError && caught.status === 409
            ? 'A normalization run is already in progress for this organization.'
            : caught instanceof ApiError
              ? caught.message
              : 'The run failed.',
      });
    } finally {
      setBusy(false);
    }
  };

  const changed = job?.result.proposedGroups.filter((group) => group.change !== 'unchanged') ?? [];
  return (
    <section
      className="card flex flex-col gap-3"
      aria-labelledby="normalize-heading"
      data-testid="normalization-panel"
    >
      <h2 id="normalize-heading" className="font-semibold">
        Entity normalization
      </h2>
      {recomputing && <FormMessage tone="info">Ownership data is being recomputed.</FormMessage>}
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="normalize-threshold" className="label">
            Edit-distance threshold
          </label>
          <select
            id="normalize-threshold"
            className="input"
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
          >
            <option value="">Organization default (by name length)</option>
            {Array.from({ length: 10 }, (_, index) => (
              <option key={index + 1} value={String(index + 1)}>
                {index + 1}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => start({ dryRun: true, ...(threshold ? { threshold: Number(threshold) } : {}) })}
        >
          {busy ? 'Running…' : 'Preview (dry run)'}
        </button>
        {job?.dryRun && (
          <button
            type="button"
            className="btn-primary"
            disabled={busy}
            onClick={() => start({ dryRun: false, fromPreviewJobId: job.jobId })}
          >
            Apply this preview
          </button>
        )}
      </div>
      {job && (
        <>
          <p className="text-sm">
            {formatCount(job.result.summary.parties)} party names:{' '}
            {formatCount(job.result.summary.currentGroups)} groups now,{' '}
            {formatCount(job.result.summary.proposedGroups)} proposed ·{' '}
            {formatCount(job.result.summary.added)} added · {formatCount(job.result.summary.moved)} moved ·{' '}
            {formatCount(job.result.summary.unchanged)} unchanged
          </p>
          {changed.length > 0 && (
            <table className="table" aria-label="Proposed changes">
              <thead>
                <tr>
                  <th scope="col">Change</th>
                  <th scope="col">Canonical name</th>
                  <th scope="col">Members</th>
                </tr>
              </thead>
              <tbody>
                {changed.slice(0, SHOWN_GROUPS).map((group) => (
                  <tr key={group.canonicalEntityId}>
                    <td>{group.change}</td>
                    <td>{group.canonicalName}</td>
                    <td>{group.members.map((member) => member.name).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {changed.length > SHOWN_GROUPS && (
            <p className="text-sm muted">
              and {formatCount(changed.length - SHOWN_GROUPS)} more changed groups
            </p>
          )}
        </>
      )}
    </section>
  );
}
