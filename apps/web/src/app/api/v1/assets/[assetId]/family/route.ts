import { assetFamily } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams, familySchema } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'EPO family members of an asset (product.md #21); empty until the family sweep has run',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    cache: cache.privateFor(3600),
    response: { schema: familySchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => ({ data: await assetFamily(tx, await requireAsset(tx, params.assetId)) })),
);
