import { listAssets } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { assetListQuery, pagedAssets } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'Portfolio list with filters, keyset pages and an exact total (product.md #16)',
    auth: 'user',
    permission: 'assets.read',
    query: assetListQuery,
    cache: cache.etag,
    response: { schema: pagedAssets },
    example: { query: { status: 'broken', sort: 'lastActivity' } },
  },
  ({ tenant, query }) => tenant((tx) => listAssets(tx, query)),
);
