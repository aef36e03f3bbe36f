import { assetAssignments } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams, assignmentsQuery, pagedAssignments } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'Transaction history of an asset, ascending by record date (product.md #19)',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    query: assignmentsQuery,
    cache: cache.etag,
    response: { schema: pagedAssignments },
  },
  ({ tenant, params, query }) =>
    tenant(async (tx) => assetAssignments(tx, await requireAsset(tx, params.assetId), query)),
);
