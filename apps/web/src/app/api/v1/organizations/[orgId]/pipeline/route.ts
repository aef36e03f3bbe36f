import { pipelineStatus } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { orgParams, pipelineStatusSchema } from '@/server/organization/schemas';

export const GET = apiRoute(
  {
    summary: 'Current or last pipeline run of the organization with its steps (product.md #40)',
    auth: 'user',
    permission: 'dashboard.read',
    params: orgParams,
    response: { schema: pipelineStatusSchema },
  },
  ({ tenant }) => tenant(async (tx) => ({ data: await pipelineStatus(tx) })),
);
