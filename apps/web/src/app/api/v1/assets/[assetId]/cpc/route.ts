import { assetCpc } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams, cpcSchema } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'CPC codes of an asset with scheme titles (product.md #22)',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    cache: cache.privateFor(86_400),
    response: { schema: cpcSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => ({ data: await assetCpc(tx, await requireAsset(tx, params.assetId)) })),
);
