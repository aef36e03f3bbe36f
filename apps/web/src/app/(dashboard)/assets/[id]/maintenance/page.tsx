'use client';

import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { formatDate } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { useAsset, useAssetId } from '../AssetContext';

interface MaintenanceEvent {
  eventCode: string;
  eventDate: string;
  feeWindow: '3.5' | '7.5' | '11.5' | null;
  status: 'paid' | 'due' | 'surcharge' | 'expired' | 'other';
}

const WINDOWS = ['3.5', '7.5', '11.5'] as const;
const CHIP: Record<string, string> = {
  paid: 'bg-green-100 text-green-900 dark:bg-green-900/40 dark:text-green-200',
  due: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  surcharge: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  expired: 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100',
};

/** Maintenance tab (B2.7): the three fee windows always drawn, and the event table. */
export default function AssetMaintenancePage() {
  const id = useAssetId();
  const asset = useAsset();
  const events = useApiData<MaintenanceEvent[]>(`/assets/${id}/maintenance`);
  if (events.isPending) return <SkeletonRows />;
  if (events.error) return <InlineError error={events.error} />;
  const expired =
    asset.data?.maintenanceStatus === 'expired' || events.data.some((event) => event.status === 'expired');
  return (
    <div className="flex flex-col gap-4">
      {expired && (
        <div role="status" className="rounded-md border border-zinc-400 px-3 py-2 text-sm">
          This patent has expired for non-payment of maintenance fees.
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        {WINDOWS.map((window) => {
          const last = events.data.filter((event) => event.feeWindow === window).at(-1);
          return (
            <div key={window} className="card" data-testid={`fee-window-${window}`}>
              <p className="font-semibold">{window}-year fee</p>
              {last ? (
                <span
                  className={`mt-1 inline-block rounded px-2 py-0.5 text-xs font-semibold ${CHIP[last.status] ?? CHIP.expired}`}
                >
                  {last.status} · {formatDate(last.eventDate)}
                </span>
              ) : (
                <span className="mt-1 block text-sm muted">not yet due</span>
              )}
            </div>
          );
        })}
      </div>
      {events.data.length === 0 ? (
        <EmptyState title="No maintenance-fee events recorded" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Event</th>
              <th scope="col">Window</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((event) => (
              <tr key={`${event.eventCode}-${event.eventDate}`}>
                <td>{formatDate(event.eventDate)}</td>
                <td>{event.eventCode}</td>
                <td>{event.feeWindow ?? '—'}</td>
                <td>{event.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
