import { apiRoute } from '@/server/http/api-route';
import { exportStatus } from '@/server/exports/exports';
import { exportParams, exportStatusSchema } from '@/server/exports/schemas';

export const GET = apiRoute(
  {
    summary:
      'Status of a server export, to the user who requested it; when done a five-minute signed download link and the row count (product.md #56)',
    auth: 'user',
    permission: 'exports.create',
    params: exportParams,
    response: { schema: exportStatusSchema },
  },
  async ({ deps, principal, params, tenant }) => ({
    data: await exportStatus(deps, principal, params.jobId, tenant),
  }),
);
