import { recentAssignments } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { pagedRecent, recentQuery } from '@/server/events/schemas';

export const GET = apiRoute(
  {
    summary: 'Transactions of the organization recorded in the last `days` (product.md #36)',
    auth: 'user',
    permission: 'dashboard.read',
    query: recentQuery,
    cache: cache.privateFor(300),
    response: { schema: pagedRecent },
  },
  ({ tenant, query }) => tenant((tx) => recentAssignments(tx, query)),
);
