'use client';

import Link from 'next/link';
import { conveyanceTypeInfo } from '@patentrack/shared';
import { ConveyanceChip } from '@/components/StatusBadge';
import { CpcWordCloud } from '@/components/CpcWordCloud';
import { PipelineSteps, type PipelineStepState } from '@/components/PipelineSteps';
import { EmptyState, InlineError, Skeleton, SkeletonRows } from '@/components/States';
import { ExportReportButton } from '@/components/ExportReportButton';
import type { Page } from '@/lib/api';
import type { CpcCloudItem } from '@/lib/cpc';
import { formatCount, formatDate, formatDateTime, formatPatentNumber } from '@/lib/format';
import { useLiveEvents } from '@/lib/live-events';
import { useApiBody, useApiData } from '@/lib/queries';
import { isFeatureEnabled } from '@/lib/navigation';
import { useMe } from '@/lib/session';

export interface DashboardSummary {
  totalAssets: number;
  completeChains: number;
  brokenChains: number;
  divested: number;
  encumbrances: number;
  bankInvolved: number;
  lawFirmInvolved: number;
  totalTransactions: number;
  totalEntities: number;
  totalCompanies: number;
  totalEmployees: number;
  totalParties: number;
  activityBreakdown: { activityId: number; conveyanceType: string | null; transactions: number }[];
  lastIngestionDate: string | null;
  lastPipelineRun: string | null;
}

/** The B2.1 cards; the ones with a list behind them link to it. */
export const METRIC_CARDS: { key: keyof DashboardSummary; label: string; href?: string }[] = [
  { key: 'totalAssets', label: 'Assets', href: '/assets' },
  { key: 'completeChains', label: 'Complete chains', href: '/assets?status=complete' },
  { key: 'brokenChains', label: 'Broken titles', href: '/broken-titles' },
  { key: 'divested', label: 'Divested', href: '/assets?status=divested' },
  { key: 'encumbrances', label: 'Encumbrances', href: '/assets?status=encumbered' },
  { key: 'bankInvolved', label: 'Bank involved' },
  { key: 'lawFirmInvolved', label: 'Law firm involved' },
  { key: 'totalTransactions', label: 'Transactions', href: '/timeline' },
  { key: 'totalEntities', label: 'Entities', href: '/entities' },
  { key: 'totalCompanies', label: 'Companies', href: '/companies' },
  { key: 'totalEmployees', label: 'Employees' },
  { key: 'totalParties', label: 'Parties' },
];

interface RecentTransaction {
  rfId: string;
  recordDate: string | null;
  type: string | null;
  assignorName: string | null;
  assigneeName: string | null;
  affectedAssets: number;
}

interface FeeDue {
  assetId: string;
  grantNumber: string | null;
  eventCode: string;
  feeWindow: string | null;
  status: string;
  dueDate: string | null;
}

interface PipelineStatus {
  status: string;
  run: { progress: number; steps: PipelineStepState[] } | null;
  lastCompletedAt: string | null;
}

function MetricCard({
  label,
  value,
  href,
  testId,
}: {
  label: string;
  value: number;
  href?: string;
  testId: string;
}) {
  const body = (
    <>
      <span className="text-sm muted">{label}</span>
      <span className="text-2xl font-bold tabular-nums" data-value={value}>
        {formatCount(value)}
      </span>
    </>
  );
  const className = 'card flex flex-col gap-1';
  return href ? (
    <Link href={href} data-testid={testId} className={`${className} hover:border-blue-500`}>
      {body}
    </Link>
  ) : (
    <div data-testid={testId} className={className}>
      {body}
    </div>
  );
}

function ActivityChart({ breakdown }: { breakdown: DashboardSummary['activityBreakdown'] }) {
  if (breakdown.length === 0) return <EmptyState title="No recorded activity yet" />;
  const max = Math.max(...breakdown.map((row) => row.transactions), 1);
  return (
    <table className="table" aria-label="Activity breakdown">
      <thead>
        <tr>
          <th scope="col">Activity</th>
          <th scope="col">Transactions</th>
        </tr>
      </thead>
      <tbody>
        {breakdown.map((row) => (
          <tr key={row.activityId}>
            <td>
              {/* Several activity codes can share a conveyance type, so the code is part of the label. */}
              <ConveyanceChip
                type={
                  row.conveyanceType
                    ? `${row.conveyanceType} (activity ${row.activityId})`
                    : `activity ${row.activityId}`
                }
                color={conveyanceTypeInfo(row.conveyanceType ?? '')?.color}
              />
            </td>
            <td className="w-2/3">
              <div className="flex items-center gap-2">
                <div
                  className="h-3 rounded bg-blue-600 dark:bg-blue-400"
                  style={{ width: `${(row.transactions / max) * 100}%` }}
                  aria-hidden="true"
                />
                <span className="tabular-nums">{formatCount(row.transactions)}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecentTransactions() {
  const recent = useApiBody<Page<RecentTransaction>>('/events/assignments', { days: 30, limit: 10 });
  if (recent.isPending) return <SkeletonRows rows={4} />;
  if (recent.error) return <InlineError error={recent.error} />;
  if (recent.data.data.length === 0)
    return <EmptyState title="No transactions recorded in the last 30 days" />;
  return (
    <ul className="flex flex-col divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {recent.data.data.map((row) => (
        <li key={row.rfId} className="flex flex-col gap-0.5 py-2">
          <span className="flex items-center gap-2">
            <ConveyanceChip type={row.type} />
            <span className="muted" title={row.recordDate ?? undefined}>
              {formatDate(row.recordDate)}
            </span>
          </span>
          <span>
            {row.assignorName ?? '—'} → {row.assigneeName ?? '—'}{' '}
            <span className="muted">({formatCount(row.affectedAssets)} assets)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function FeesDue() {
  const fees = useApiBody<Page<FeeDue>>('/events/maintenance', { status: 'due', sort: 'dueDate', limit: 5 });
  if (fees.isPending) return <SkeletonRows rows={3} />;
  if (fees.error) return <InlineError error={fees.error} />;
  if (fees.data.data.length === 0) return <EmptyState title="No maintenance fees due" />;
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {fees.data.data.map((fee) => (
        <li key={`${fee.assetId}-${fee.eventCode}`}>
          <Link href={`/assets/${fee.assetId}/maintenance`} className="link">
            {formatPatentNumber(fee.grantNumber)}
          </Link>{' '}
          {fee.feeWindow && `${fee.feeWindow}-year fee`} due {formatDate(fee.dueDate)}
        </li>
      ))}
    </ul>
  );
}

/** The largest subclasses only: the card is a preview of `/cpc`. */
const CARD_WORDS = 30;

function CpcCard() {
  const cloud = useApiData<CpcCloudItem[]>('/dashboards/cpc-wordcloud', { level: 'subclass' });
  if (cloud.isPending) return <SkeletonRows rows={3} />;
  if (cloud.error) return <InlineError error={cloud.error} />;
  if (cloud.data.length === 0) return <EmptyState title="No CPC classifications loaded yet" />;
  return (
    <>
      <CpcWordCloud items={cloud.data.slice(0, CARD_WORDS)} compact />
      <Link href="/cpc" className="link mt-2 inline-block text-sm" data-testid="cpc-card-link">
        All {formatCount(cloud.data.length)} subclasses
      </Link>
    </>
  );
}

function Provisioning({ orgId, awaitingApproval }: { orgId: string; awaitingApproval: boolean }) {
  const pipeline = useApiData<PipelineStatus>(
    awaitingApproval ? null : `/organizations/${orgId}/pipeline`,
    {},
    { refetchInterval: 10_000 },
  );
  if (awaitingApproval)
    return (
      <EmptyState title="Your organization is awaiting approval">
        <p data-testid="awaiting-approval">
          A PatenTrack administrator reviews new sign-ups. Once your organization is approved, we load your
          companies' patents and build their chains of title; this page then shows the progress.
        </p>
      </EmptyState>
    );
  return (
    <EmptyState title="Your portfolio is being prepared">
      <p className="mb-3">We are loading your companies' patents and building their chains of title.</p>
      {pipeline.data?.run && <PipelineSteps steps={pipeline.data.run.steps} />}
    </EmptyState>
  );
}

/** Home (B2.1): metric cards equal to the summary, activity, recent transactions, fees due, freshness, live banner. */
export function HomeDashboard() {
  const me = useMe();
  const { runningPipeline } = useLiveEvents();
  const summary = useApiData<DashboardSummary>('/dashboards/summary');
  const org = me.data?.organization;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Home</h1>
        {org && org.status !== 'provisioning' && <ExportReportButton />}
      </div>
      {runningPipeline && (
        <div
          role="status"
          data-testid="pipeline-banner"
          className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200"
        >
          Pipeline running: {runningPipeline.step} ({Math.round(runningPipeline.progress * 100)}%). The
          figures refresh when it finishes.
        </div>
      )}
      {org?.status === 'provisioning' ? (
        <Provisioning orgId={org.id} awaitingApproval={org.awaitingApproval} />
      ) : summary.isPending ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
          {METRIC_CARDS.map((card) => (
            <Skeleton key={card.key} className="h-20 w-full" />
          ))}
        </div>
      ) : summary.error ? (
        <InlineError error={summary.error} />
      ) : (
        <>
          <section
            aria-label="Portfolio metrics"
            className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6"
          >
            {METRIC_CARDS.map((card) => (
              <MetricCard
                key={card.key}
                testId={`metric-${card.key}`}
                label={card.label}
                value={summary.data[card.key] as number}
                href={card.href}
              />
            ))}
          </section>
          <p className="text-sm muted" data-testid="freshness">
            Data as of {formatDateTime(summary.data.lastIngestionDate)} · last analysis{' '}
            {formatDateTime(summary.data.lastPipelineRun)}
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <section className="card" aria-labelledby="activity-heading">
              <h2 id="activity-heading" className="mb-2 font-semibold">
                Activity breakdown
              </h2>
              <ActivityChart breakdown={summary.data.activityBreakdown} />
            </section>
            <section className="card" aria-labelledby="recent-heading">
              <h2 id="recent-heading" className="mb-2 font-semibold">
                Recent transactions (30 d)
              </h2>
              <RecentTransactions />
            </section>
            <section className="card" aria-labelledby="fees-heading">
              <h2 id="fees-heading" className="mb-2 font-semibold">
                Fees due
              </h2>
              <FeesDue />
            </section>
            {org && isFeatureEnabled(org.environmentMode, 'cpc') && (
              <section className="card" aria-labelledby="cpc-heading" data-testid="cpc-card">
                <h2 id="cpc-heading" className="mb-2 font-semibold">
                  <Link href="/cpc" className="hover:underline">
                    CPC cloud
                  </Link>
                </h2>
                <CpcCard />
              </section>
            )}
          </div>
        </>
      )}
    </div>
  );
}
