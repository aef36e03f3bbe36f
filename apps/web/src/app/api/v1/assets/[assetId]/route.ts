import { assetDetail } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { requireAsset } from '@/server/assets/lookup';
import { assetDetailSchema, assetParams } from '@/server/assets/schemas';
import { cachedForOrg } from '@/server/dashboards/org-cache';

export const GET = apiRoute(
  {
    summary: 'Bibliographic detail of an asset: inventors, CPC, title verdicts, counts (product.md #18)',
    auth: 'user',
    permission: 'assets.read',
    params: assetParams,
    cache: cache.privateFor(3600),
    response: { schema: assetDetailSchema },
  },
  async ({ tenant, params, deps, principal }) => ({
    // Derived verdicts change with a pipeline run (which clears the org's cache), bibliographic data with the
    // ingestion that triggers that run.
    data: await cachedForOrg(deps.redis, principal.orgId, `asset:${params.assetId}:detail`, () =>
      tenant(async (tx) => assetDetail(tx, await requireAsset(tx, params.assetId))),
    ),
  }),
);
