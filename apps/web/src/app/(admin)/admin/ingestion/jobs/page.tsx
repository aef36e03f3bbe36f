import { Suspense } from 'react';
import { IngestionJobs } from './IngestionJobs';

export const metadata = { title: 'Ingestion jobs' };

export default function IngestionJobsPage() {
  return (
    <Suspense>
      <IngestionJobs />
    </Suspense>
  );
}
