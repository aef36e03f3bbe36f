import { diagramPayloadSchema } from '@patentrack/shared';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { diagramPayload } from '@/server/assets/diagram';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'Ownership-diagram payload of an asset with its chain-break hint (product.md #20)',
    auth: 'user',
    permission: 'diagram.read',
    params: assetParams,
    cache: cache.etag,
    response: { schema: diagramPayloadSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => {
      await requireAsset(tx, params.assetId);
      return diagramPayload(tx, params.assetId);
    }),
);
