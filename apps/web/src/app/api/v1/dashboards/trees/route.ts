import { listTrees } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { pagedTrees, treesQuery } from '@/server/dashboards/schemas';

export const GET = apiRoute(
  {
    summary: 'Ownership-tree nodes by tab and tree type (product.md #29)',
    auth: 'user',
    permission: 'dashboard.read',
    query: treesQuery,
    cache: cache.etag,
    response: { schema: pagedTrees },
    example: { query: { tab: '1' } },
  },
  ({ tenant, query }) => tenant((tx) => listTrees(tx, query)),
);
