import { apiRoute } from '@/server/http/api-route';
import { retryIngestionJob } from '@/server/admin/ingestion';
import { ingestionJobParams, retriedSchema } from '@/server/admin/schemas';

export const POST = apiRoute(
  {
    summary:
      'Retry a failed ingestion job: back to waiting in the worker queue; 409 unless it failed (product.md #84)',
    auth: 'user',
    permission: 'platform.operate',
    params: ingestionJobParams,
    response: { schema: retriedSchema },
  },
  ({ tenant, principal, params, deps, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await retryIngestionJob(tx, deps, principal, params.jobId, { ip, userAgent, requestId }),
    })),
);
