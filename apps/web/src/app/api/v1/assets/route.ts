import { listAssets } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { assetListQuery, pagedAssets } from '@/server/assets/schemas';
import { ensureAssetActivity } from '@/server/assets/activity';
import { cachedForOrg, keyedName } from '@/server/dashboards/org-cache';

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
  async ({ tenant, query, deps, principal }) => {
    await ensureAssetActivity(deps, principal.orgId, tenant);
    // Assets and their derived columns change only through a pipeline run, which clears the org's cache.
    return cachedForOrg(deps.redis, principal.orgId, keyedName('assets', query), () =>
      tenant((tx) => listAssets(tx, query)),
    );
  },
);
