'use client';

import { useState } from 'react';
import { ASSET_FIELDS } from '@patentrack/shared';
import { apiData } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { useIntegrationConnected } from '@/lib/integrations';
import { useLiveEvent } from '@/lib/live-events';
import { SelectionAction } from './SelectionAction';

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

  const tooMany = assetIds.length > MAX_ASSETS;
  return (
    <SelectionAction
      label="Export to Sheet"
      count={assetIds.length}
      disabled={assetIds.length === 0 || tooMany || job?.status === 'running'}
      disabledReason={tooMany ? `At most ${formatCount(MAX_ASSETS)} assets per sheet` : undefined}
      testId="export-sheet"
      submitLabel="Create sheet"
      busyLabel="Starting…"
      fields={
        <>
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
          />
        </>
      }
      status={
        <>
          {job?.status === 'running' && `Exporting ${formatCount(job.rows)} assets to Google Sheets…`}
          {job?.status === 'failed' && 'The export to Google Sheets failed; check Settings → Integrations.'}
          {job?.status === 'success' && (
            <a href={job.url} className="link" target="_blank" rel="noopener noreferrer">
              Open the sheet
            </a>
          )}
        </>
      }
      onSubmit={async (values) => {
        const started = await apiData<{ jobId: string; estimatedRows: number }>(
          '/integrations/google-drive/export',
          {
            method: 'POST',
            body: {
              assetIds,
              includeFields: ASSET_FIELDS,
              sheetName: String(values.get('sheetName')).trim(),
            },
          },
        );
        setJob({ status: 'running', jobId: started.jobId, rows: started.estimatedRows });
      }}
    />
  );
}
