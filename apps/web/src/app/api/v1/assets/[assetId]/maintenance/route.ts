import { assetMaintenance } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams, maintenanceSchema } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'Maintenance-fee events of an asset by fee window (product.md #23)',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    cache: cache.etag,
    response: { schema: maintenanceSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => ({ data: await assetMaintenance(tx, await requireAsset(tx, params.assetId)) })),
);
