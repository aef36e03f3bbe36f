import { ingestionSources } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { freshnessSchema } from '@/server/admin/schemas';

export const GET = apiRoute(
  {
    summary: 'Freshness of every source against its warning and critical age (product.md #86)',
    auth: 'user',
    permission: 'platform.operate',
    response: { schema: freshnessSchema },
  },
  ({ tenant }) => tenant(async (tx) => ({ data: await ingestionSources(tx) })),
);
