'use client';

import { useState } from 'react';
import { useExportJob } from '@/lib/export-job';
import { InlineError } from './States';

/** "Download report (PDF)": the dashboard report (#55 `dashboard_report`) built by the server, then its link (#56). */
export function ExportReportButton() {
  const { job, running, start } = useExportJob();
  const [error, setError] = useState<unknown>(null);
  const status = job.data?.status;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn"
        disabled={running}
        data-testid="export-report"
        onClick={() => {
          setError(null);
          start({ type: 'dashboard_report', format: 'pdf' }).catch(setError);
        }}
      >
        Download report (PDF)
      </button>
      <span role="status" aria-live="polite" className="text-sm" data-testid="export-report-status">
        {running && 'Preparing the report…'}
        {status === 'failed' && 'The report failed; please try again.'}
        {status === 'success' && job.data?.url && (
          <a href={job.data.url} className="link" data-testid="export-report-download">
            Download the PDF report
          </a>
        )}
      </span>
      {(error ?? job.error) && <InlineError error={error ?? job.error} />}
    </span>
  );
}
