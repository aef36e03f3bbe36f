'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { FormMessage } from '@/components/forms';
import { NormalizationPanel } from '@/components/NormalizationPanel';
import { OrgUsers } from '@/components/OrgUsers';
import { PipelineSteps, type PipelineStepState } from '@/components/PipelineSteps';
import { InlineError, SkeletonRows } from '@/components/States';
import { ApiError, apiData } from '@/lib/api';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLiveEvent } from '@/lib/live-events';
import { useApiData } from '@/lib/queries';
import { useUrlState } from '@/lib/url-state';
import { ApprovalPanel } from './ApprovalPanel';

interface PipelineStatus {
  status: string;
  run: {
    id: string;
    progress: number;
    startedAt: string | null;
    completedAt: string | null;
    error: string | null;
    steps: PipelineStepState[];
  } | null;
  lastCompletedAt: string | null;
}

interface DataQuality {
  brokenChains: number;
  unclassified: number;
  flagged: number;
  byErrorType: Record<string, number>;
}

/**
 * One organization (B3): overview counts and the pipeline with its 8 steps updating live from the SSE stream,
 * polling every 10 s until the run finishes; "Run full" and "Restart from this step"; its users (unlock,
 * deactivate, role).
 */
export function AdminOrganization() {
  const { orgId } = useParams<{ orgId: string }>();
  const [state, setState] = useUrlState(
    { tab: 'overview' },
    { tab: ['overview', 'pipeline', 'users', 'entities', 'quality'] },
  );
  const queryClient = useQueryClient();
  const [live, setLive] = useState<Record<string, PipelineStepState>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  // Another org's progress reaches this page over the admin channel only when the worker publishes there, so an
  // unfinished run is also polled every 10 s (B3.1 fallback).
  const pipeline = useApiData<PipelineStatus>(
    `/organizations/${orgId}/pipeline`,
    {},
    {
      refetchInterval: (query) => {
        const status = query.state.data?.status;
        return status === 'success' || status === 'failed' ? false : 10_000;
      },
    },
  );
  const quality = useApiData<DataQuality>(
    state.tab === 'quality' ? `/admin/organizations/${orgId}/data-quality` : null,
  );
  const organization = useApiData<{
    name: string;
    status: string;
    environmentMode: string;
    counts?: Record<string, number>;
  }>(`/organizations/${orgId}`);

  useLiveEvent((event) => {
    if (event.type === 'ingestion-progress' && (!event.data.orgId || event.data.orgId === orgId)) {
      const status =
        event.data.status === 'started' ? 'running' : event.data.status === 'finished' ? 'success' : 'failed';
      setLive((steps) => ({
        ...steps,
        [event.data.step]: { name: event.data.step, status, progress: event.data.progress },
      }));
    }
    if (event.type === 'pipeline-complete' && event.data.orgId === orgId) {
      setLive({});
      setMessage({
        tone: event.data.status === 'success' ? 'success' : 'error',
        text: `Pipeline ${event.data.status === 'success' ? 'finished' : `failed at ${event.data.failedStep ?? 'a step'}`}.`,
      });
      void queryClient.invalidateQueries();
    }
  });

  const run = async (startFromStep: string) => {
    try {
      await apiData(`/admin/organizations/${orgId}/rebuild-pipeline`, {
        method: 'POST',
        body: { startFromStep },
      });
      setMessage({ tone: 'success', text: `Pipeline queued from ${startFromStep}.` });
      void pipeline.refetch();
    } catch (caught) {
      setMessage({
        tone: 'error',
        text:
          caught instanceof ApiError && caught.status === 409
            ? 'A pipeline is already running.'
            : caught instanceof ApiError
              ? caught.message
              : 'The pipeline was not started.',
      });
    }
  };

  const steps = (pipeline.data?.run?.steps ?? []).map((step) => live[step.name] ?? step);
  for (const step of Object.values(live))
    if (!steps.some((known) => known.name === step.name)) steps.push(step);
  const tabs = [
    { value: 'overview', label: 'Overview' },
    { value: 'pipeline', label: 'Pipeline' },
    { value: 'users', label: 'Users' },
    { value: 'entities', label: 'Entities' },
    { value: 'quality', label: 'Data quality' },
  ];

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{organization.data?.name ?? 'Organization'}</h1>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <ApprovalPanel orgId={orgId} />
      <div role="tablist" aria-label="Organization sections" className="flex gap-2">
        {tabs.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={state.tab === tab.value}
            className={state.tab === tab.value ? 'btn-primary' : 'btn'}
            onClick={() => setState({ tab: tab.value })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {state.tab === 'overview' &&
        (organization.isPending ? (
          <SkeletonRows rows={3} />
        ) : organization.error ? (
          <InlineError error={organization.error} />
        ) : (
          <dl className="card grid max-w-md grid-cols-2 gap-1 text-sm">
            <dt className="muted">Status</dt>
            <dd>{organization.data.status}</dd>
            <dt className="muted">Mode</dt>
            <dd>{organization.data.environmentMode}</dd>
            {Object.entries(organization.data.counts ?? {}).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="muted">{key}</dt>
                <dd>{formatCount(value)}</dd>
              </div>
            ))}
            <dt className="muted">Pipeline</dt>
            <dd>{pipeline.data?.status ?? '—'}</dd>
          </dl>
        ))}
      {state.tab === 'pipeline' && (
        <section className="card flex flex-col gap-3" aria-label="Pipeline">
          {pipeline.isPending ? (
            <SkeletonRows rows={2} />
          ) : pipeline.error ? (
            <InlineError error={pipeline.error} />
          ) : (
            <>
              <p className="text-sm">
                State: <strong data-testid="pipeline-status">{pipeline.data.status}</strong> · last completed{' '}
                {formatDateTime(pipeline.data.lastCompletedAt)}
              </p>
              <PipelineSteps steps={steps} onRestart={run} />
              <button type="button" className="btn self-start" onClick={() => run('classify')}>
                Run full pipeline
              </button>
            </>
          )}
        </section>
      )}
      {state.tab === 'users' && <OrgUsers orgId={orgId} />}
      {state.tab === 'entities' && <NormalizationPanel orgId={orgId} />}
      {state.tab === 'quality' &&
        (quality.isPending ? (
          <SkeletonRows rows={3} />
        ) : quality.error ? (
          <InlineError error={quality.error} />
        ) : (
          <dl className="card grid max-w-md grid-cols-2 gap-1 text-sm">
            <dt className="muted">Broken chains</dt>
            <dd>{formatCount(quality.data.brokenChains)}</dd>
            <dt className="muted">Unclassified</dt>
            <dd>{formatCount(quality.data.unclassified)}</dd>
            <dt className="muted">Flagged</dt>
            <dd>{formatCount(quality.data.flagged)}</dd>
            {Object.entries(quality.data.byErrorType ?? {}).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="muted">{key}</dt>
                <dd>{formatCount(value)}</dd>
              </div>
            ))}
          </dl>
        ))}
      <Link href="/admin/organizations" className="link text-sm">
        ← All organizations
      </Link>
    </div>
  );
}
