import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams, citationsQuery, citationsSchema } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary:
      'Cites / cited-by of an asset (product.md #24); no citation source is ingested yet, so the lists are empty',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    query: citationsQuery,
    cache: cache.privateFor(86_400),
    response: { schema: citationsSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => {
      await requireAsset(tx, params.assetId);
      return { data: [], totalCites: 0, totalCitedBy: 0 };
    }),
);
