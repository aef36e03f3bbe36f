import { assetDetail } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetDetailSchema, assetParams } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'Bibliographic detail of an asset: inventors, CPC, title verdicts, counts (product.md #18)',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    cache: cache.privateFor(3600),
    response: { schema: assetDetailSchema },
  },
  ({ tenant, params }) => tenant(async (tx) => ({ data: await assetDetail(tx, await requireAsset(tx, params.assetId)) })),
);
