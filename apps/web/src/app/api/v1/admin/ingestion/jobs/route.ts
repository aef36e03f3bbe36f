import { listIngestionJobs } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { jobsQuery, pagedJobs } from '@/server/admin/schemas';

export const GET = apiRoute(
  {
    summary: 'Ingestion job browser by status, source and date (product.md #83)',
    auth: 'user',
    permission: 'platform.operate',
    query: jobsQuery,
    response: { schema: pagedJobs },
  },
  ({ tenant, query }) => tenant((tx) => listIngestionJobs(tx, query)),
);
