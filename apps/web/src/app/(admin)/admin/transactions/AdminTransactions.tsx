'use client';

import { CONVEY_TYPES } from '@patentrack/shared';
import { DataList } from '@/components/DataList';
import { ConveyanceTypeSelect } from '@/components/forms';
import { OrgSelect } from '@/components/OrgSelect';
import { TransactionPanel } from '@/components/TransactionPanel';
import { formatCount, formatDate } from '@/lib/format';
import { useUrlState } from '@/lib/url-state';

interface Party {
  name: string;
}

export interface AdminTransaction {
  rfId: string;
  orgId: string;
  orgName: string;
  type: string;
  text: string | null;
  recordDate: string | null;
  parties: { assignors: Party[]; assignees: Party[] };
  affectedAssets: number;
}

const FILTERS = { orgId: '', conveyanceType: '', dateFrom: '', dateTo: '', flagged: '' };
const NO_FILTERS = { ...FILTERS, rfId: '' };

const partyNames = (parties: Party[]) => parties.map((party) => party.name).join('; ') || '—';

/**
 * Cross-org transaction review (B3, #80): every organization's transactions, filtered by org, type, record dates
 * and the inventor-match flag, all in the URL; the open transaction (`rfId`) is in the URL too, so a review can be
 * shared as a link.
 */
export function AdminTransactions() {
  const [filters, setFilters] = useUrlState(
    { ...FILTERS, rfId: '' },
    { conveyanceType: CONVEY_TYPES, flagged: ['true', 'false'] },
  );
  const { rfId, ...query } = filters;
  const filtered = Object.values(query).some((value) => value !== '');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Transactions</h1>
      <form
        role="search"
        aria-label="Filter transactions"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(event) => event.preventDefault()}
      >
        <div>
          <OrgSelect
            id="tx-org"
            value={filters.orgId}
            onChange={(orgId) => setFilters({ orgId, rfId: '' })}
            anyLabel="All organizations"
          />
        </div>
        <div>
          <ConveyanceTypeSelect
            id="tx-type"
            value={filters.conveyanceType}
            onChange={(conveyanceType) => setFilters({ conveyanceType, rfId: '' })}
          />
        </div>
        <div>
          <label htmlFor="tx-from" className="label">
            Recorded from
          </label>
          <input
            id="tx-from"
            type="date"
            className="input"
            value={filters.dateFrom}
            onChange={(event) => setFilters({ dateFrom: event.target.value, rfId: '' })}
          />
        </div>
        <div>
          <label htmlFor="tx-to" className="label">
            Recorded to
          </label>
          <input
            id="tx-to"
            type="date"
            className="input"
            value={filters.dateTo}
            onChange={(event) => setFilters({ dateTo: event.target.value, rfId: '' })}
          />
        </div>
        <div>
          <label htmlFor="tx-flagged" className="label">
            Inventor-match flag
          </label>
          <select
            id="tx-flagged"
            className="input"
            value={filters.flagged}
            onChange={(event) => setFilters({ flagged: event.target.value, rfId: '' })}
          >
            <option value="">Any</option>
            <option value="true">Flagged only</option>
            <option value="false">Not flagged</option>
          </select>
        </div>
      </form>
      {rfId && <TransactionPanel rfId={rfId} onClose={() => setFilters({ rfId: '' })} />}
      <DataList<AdminTransaction>
        path="/admin/transactions"
        query={query}
        label="Transactions"
        emptyTitle={filtered ? 'No transactions match these filters' : 'No transactions recorded yet'}
        emptyAction={
          filtered && (
            <button type="button" className="btn" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          )
        }
        rowKey={(row) => `${row.orgId}:${row.rfId}`}
        rowTestId="admin-transaction-row"
        columns={[
          {
            header: 'Reel/frame',
            cell: (row) => (
              <button
                type="button"
                className="link whitespace-nowrap"
                aria-pressed={row.rfId === rfId}
                onClick={() => setFilters({ rfId: row.rfId })}
              >
                {row.rfId}
              </button>
            ),
          },
          { header: 'Organization', cell: (row) => row.orgName },
          { header: 'Type', cell: (row) => row.type },
          {
            header: 'Conveyance',
            cell: (row) => <span className="line-clamp-2">{row.text ?? '—'}</span>,
          },
          { header: 'Recorded', cell: (row) => formatDate(row.recordDate) },
          {
            header: 'Parties',
            cell: (row) => (
              <span>
                {partyNames(row.parties.assignors)} → {partyNames(row.parties.assignees)}
              </span>
            ),
          },
          { header: 'Assets', cell: (row) => formatCount(row.affectedAssets) },
        ]}
      />
    </div>
  );
}
