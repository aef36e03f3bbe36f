'use client';

import { useState } from 'react';
import {
  CSV_COLUMNS,
  DIRECT_EXPORT_MAX_ROWS,
  csvFileName,
  toCsv,
  type CsvColumn,
  type CsvExportType,
} from '@patentrack/shared';
import { apiRequest, type Page, type QueryValue } from '@/lib/api';
import { downloadCsv } from '@/lib/csv';
import { useExportJob } from '@/lib/export-job';
import { formatCount } from '@/lib/format';
import { useMe } from '@/lib/session';
import { InlineError } from './States';

/** The active filters as the export's `filters`: set values only, no paging. */
const filtersOf = (query: Record<string, QueryValue>) =>
  Object.fromEntries(
    Object.entries(query).filter(([key, value]) => key !== 'limit' && value !== '' && value !== undefined),
  );

/** Every row of the list for `query`, page by page. */
async function allRows<T>(path: string, query: Record<string, QueryValue>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await apiRequest<Page<T>>(path, { query: { ...query, limit: 100, cursor } });
    rows.push(...page.data);
    cursor = page.cursor.hasMore ? (page.cursor.next ?? undefined) : undefined;
  } while (cursor);
  return rows;
}

/**
 * "Export CSV" of a list (Part D "Exports"): selected rows, or the whole list up to 5,000 rows, download at once
 * in the browser; a larger list is exported by the server (#55), the button then shows the job's progress and,
 * on `job-complete`, the download link (#56).
 */
export function ExportCsvButton<T>({
  type,
  path,
  query,
  total,
  selected = [],
}: {
  type: CsvExportType;
  path: string;
  query: Record<string, QueryValue>;
  total: number | undefined;
  selected?: readonly T[];
}) {
  const me = useMe();
  const exportJob = useExportJob();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const view = type.replace('_', '-');
  const serverSide = selected.length === 0 && (total ?? 0) > DIRECT_EXPORT_MAX_ROWS;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      if (serverSide) {
        await exportJob.start({ type, format: 'csv', filters: filtersOf(query) });
      } else {
        const rows = selected.length ? selected : await allRows<T>(path, filtersOf(query));
        downloadCsv(
          csvFileName(me.data?.organization.name ?? 'patentrack', view),
          toCsv(rows, CSV_COLUMNS[type] as CsvColumn<T>[]),
        );
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const { job, running } = exportJob;
  const status = job.data?.status;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn"
        disabled={busy || running || total === 0}
        data-testid="export-csv"
        onClick={() => void start()}
      >
        Export CSV{selected.length ? ` (${selected.length})` : ''}
      </button>
      <span role="status" aria-live="polite" className="text-sm" data-testid="export-status">
        {running && `Preparing the export of ${formatCount(total)} rows…`}
        {status === 'failed' && 'The export failed; please try again.'}
        {status === 'success' && job.data?.url && (
          <a href={job.data.url} className="link" data-testid="export-download">
            Download CSV ({formatCount(job.data.rowCount)} rows)
          </a>
        )}
      </span>
      {(error ?? job.error) && <InlineError error={error ?? job.error} />}
    </span>
  );
}
