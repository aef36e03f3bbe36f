'use client';

import { useState, type FormEvent } from 'react';
import { ASSET_FIELDS } from '@patentrack/shared';
import { apiData } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { useIntegrationConnected } from '@/lib/integrations';
import { useLiveEvent } from '@/lib/live-events';
import { InlineError } from './States';

/** #70 takes at most this many assets per sheet. */
const MAX_ASSETS = 1000;

type SheetJob =
  | { status: 'running'; jobId: string; rows: number }
  | { status: 'success'; url: string }
  | { status: 'failed' };

/**
 * "Export to Sheet" of the selected assets (B2.2, #70), offered only when the org has connected Google Drive: asks
 * for the sheet's name, starts the export and, on its `job-complete`, links the new spreadsheet.
 */
export function ExportSheetButton({ assetIds }: { assetIds: readonly string[] }) {
  const connected = useIntegrationConnected('google_drive');
  const [naming, setNaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [job, setJob] = useState<SheetJob | null>(null);
  useLiveEvent((event) => {
    if (event.type !== 'job-complete' || job?.status !== 'running' || event.data.jobId !== job.jobId) return;
    setJob(
      event.data.status === 'success' && event.data.resultUrl
        ? { status: 'success', url: event.data.resultUrl }
        : { status: 'failed' },
    );
  });

  if (!connected) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const sheetName = String(new FormData(event.currentTarget).get('sheetName')).trim();
    setBusy(true);
    setError(null);
    try {
      const started = await apiData<{ jobId: string; estimatedRows: number }>(
        '/integrations/google-drive/export',
        { method: 'POST', body: { assetIds, includeFields: ASSET_FIELDS, sheetName } },
      );
      setJob({ status: 'running', jobId: started.jobId, rows: started.estimatedRows });
      setNaming(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const tooMany = assetIds.length > MAX_ASSETS;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {naming ? (
        <form className="inline-flex flex-wrap items-center gap-2" onSubmit={(event) => void submit(event)}>
          <label htmlFor="sheet-name" className="sr-only">
            Sheet name
          </label>
          <input
            id="sheet-name"
            name="sheetName"
            className="input w-56"
            required
            maxLength={100}
            defaultValue={`Assets ${new Date().toISOString().slice(0, 10)}`}
            data-testid="sheet-name"
          />
          <button type="submit" className="btn-primary" disabled={busy} data-testid="export-sheet-start">
            {busy ? 'Starting…' : 'Create sheet'}
          </button>
          <button type="button" className="btn" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={assetIds.length === 0 || tooMany || job?.status === 'running'}
          title={tooMany ? `At most ${formatCount(MAX_ASSETS)} assets per sheet` : undefined}
          data-testid="export-sheet"
          onClick={() => setNaming(true)}
        >
          Export to Sheet{assetIds.length ? ` (${assetIds.length})` : ''}
        </button>
      )}
      <span role="status" aria-live="polite" className="text-sm" data-testid="export-sheet-status">
        {job?.status === 'running' && `Exporting ${formatCount(job.rows)} assets to Google Sheets…`}
        {job?.status === 'failed' && 'The export to Google Sheets failed; check Settings → Integrations.'}
        {job?.status === 'success' && (
          <a href={job.url} className="link" target="_blank" rel="noopener noreferrer">
            Open the sheet
          </a>
        )}
      </span>
      {error !== null && <InlineError error={error} />}
    </span>
  );
}
