import { cpcWordcloud } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { wordcloudQuery, wordcloudSchema } from '@/server/dashboards/schemas';

export const GET = apiRoute(
  {
    summary: 'CPC distribution of the portfolio by level and application year (product.md #33)',
    auth: 'user',
    permission: 'dashboard.read',
    query: wordcloudQuery,
    cache: cache.privateFor(3600),
    response: { schema: wordcloudSchema },
  },
  ({ tenant, query }) => tenant(async (tx) => ({ data: await cpcWordcloud(tx, query.level, query.year) })),
);
