import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { requestExport } from '@/server/exports/exports';
import { exportBody, exportStartedSchema } from '@/server/exports/schemas';

export const POST = apiRoute(
  {
    summary:
      'Server export of a list as CSV (same rows and columns as the list for the same filters) or of the dashboard report as PDF; `job-complete` on the live stream when the file is ready (product.md #55)',
    auth: 'user',
    permission: 'exports.create',
    body: exportBody,
    rateLimit: { bucket: 'exports', limit: 10, windowSeconds: 3600, key: 'user' },
    response: { status: 202, schema: exportStartedSchema },
    example: { body: { type: 'assets', format: 'csv', filters: { status: 'broken' } } },
  },
  async ({ deps, principal, body, tenant }) => {
    const jobId = await requestExport(deps, principal, body, tenant);
    return reply.accepted({ data: { jobId, status: 'queued' } });
  },
);
