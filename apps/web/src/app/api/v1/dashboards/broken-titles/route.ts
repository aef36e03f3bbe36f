import { listBrokenTitles } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { brokenTitlesQuery, pagedBrokenTitles } from '@/server/dashboards/schemas';

export const GET = apiRoute(
  {
    summary: 'Broken chains of title with break point and missing link (product.md #31)',
    auth: 'user',
    permission: 'dashboard.read',
    query: brokenTitlesQuery,
    cache: cache.etag,
    response: { schema: pagedBrokenTitles },
  },
  ({ tenant, query }) => tenant((tx) => listBrokenTitles(tx, query)),
);
