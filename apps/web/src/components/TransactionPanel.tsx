'use client';

import { useEffect, useRef } from 'react';
import { formatApplicationNumber, formatDate, formatPatentNumber } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { InlineError, SkeletonRows } from './States';

interface PanelParty {
  name: string;
}

export interface TransactionDetail {
  rfId: string;
  conveyanceType: string;
  conveyanceLabel: string | null;
  conveyanceText: string | null;
  recordDate: string | null;
  executionDate: string | null;
  correspondent: { name: string; address: string | null } | null;
  assignors: (PanelParty & { executionDate: string | null })[];
  assignees: PanelParty[];
  assets: { id: string; grantNumber: string | null; applicationNumber: string | null }[];
}

const names = (parties: PanelParty[]) => parties.map((party) => party.name).join('; ') || '—';

/** The transaction panel (#27): conveyance, dates, parties, correspondent and the assets it names. */
export function TransactionPanel({ rfId, onClose }: { rfId: string; onClose: () => void }) {
  const panel = useApiData<TransactionDetail>(`/assignments/${encodeURIComponent(rfId)}`);
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel opens from a row further down the list: focus (and so scroll) moves to it, for keyboard users too.
  useEffect(() => heading.current?.focus(), [rfId]);
  return (
    <section
      aria-labelledby="transaction-panel-title"
      className="card flex flex-col gap-3"
      data-testid="transaction-panel"
    >
      <div className="flex items-start justify-between gap-2">
        <h2
          ref={heading}
          tabIndex={-1}
          id="transaction-panel-title"
          className="text-lg font-semibold break-all"
        >
          Transaction {rfId}
        </h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      {panel.isPending ? (
        <SkeletonRows rows={4} label="Loading the transaction" />
      ) : panel.error ? (
        <InlineError error={panel.error} />
      ) : (
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Conveyance</dt>
          <dd>
            {panel.data.conveyanceLabel ?? panel.data.conveyanceType}
            {panel.data.conveyanceText && <span className="muted block">{panel.data.conveyanceText}</span>}
          </dd>
          <dt className="font-medium">Recorded</dt>
          <dd>{formatDate(panel.data.recordDate)}</dd>
          <dt className="font-medium">Executed</dt>
          <dd>{formatDate(panel.data.executionDate)}</dd>
          <dt className="font-medium">Assignors</dt>
          <dd>{names(panel.data.assignors)}</dd>
          <dt className="font-medium">Assignees</dt>
          <dd>{names(panel.data.assignees)}</dd>
          <dt className="font-medium">Correspondent</dt>
          <dd>{panel.data.correspondent?.name ?? '—'}</dd>
          <dt className="font-medium">Assets</dt>
          <dd data-testid="transaction-panel-assets" data-count={panel.data.assets.length}>
            {panel.data.assets
              .map((asset) =>
                asset.grantNumber
                  ? formatPatentNumber(asset.grantNumber)
                  : formatApplicationNumber(asset.applicationNumber),
              )
              .join(', ') || '—'}
          </dd>
        </dl>
      )}
    </section>
  );
}
