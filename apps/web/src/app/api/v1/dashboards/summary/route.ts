import { dashboardSummary } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { cachedForOrg } from '@/server/dashboards/org-cache';
import { summarySchema } from '@/server/dashboards/schemas';

export const GET = apiRoute(
  {
    summary: 'Home metrics from summary_metrics, bank / law-firm involvement and freshness (product.md #28)',
    auth: 'user',
    permission: 'dashboard.read',
    cache: cache.etag,
    response: { schema: summarySchema },
  },
  async ({ tenant, principal, deps }) => ({
    data: await cachedForOrg(deps.redis, principal.orgId, 'dashboard-summary', () =>
      tenant((tx) => dashboardSummary(tx)),
    ),
  }),
);
