import { diagramPayloadSchema } from '@patentrack/shared';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { diagramPayload } from '@/server/assets/diagram';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams } from '@/server/assets/schemas';
import { cachedForOrg } from '@/server/dashboards/org-cache';

export const GET = apiRoute(
  {
    summary: 'Ownership-diagram payload of an asset with its chain-break hint (product.md #20)',
    auth: 'user',
    permission: 'diagram.read',
    params: assetParams,
    cache: cache.etag,
    response: { schema: diagramPayloadSchema },
  },
  ({ tenant, params, deps, principal }) =>
    // The stored diagram is written by the pipeline run, which clears the org's cache.
    cachedForOrg(deps.redis, principal.orgId, `asset:${params.assetId}:diagram`, () =>
      tenant(async (tx) => {
        await requireAsset(tx, params.assetId);
        return diagramPayload(tx, params.assetId);
      }),
    ),
);
