import { portfolioMaintenance } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { maintenanceQuery, pagedFees } from '@/server/events/schemas';

export const GET = apiRoute(
  {
    summary: 'Maintenance-fee events of the portfolio by status and fee window (product.md #35)',
    auth: 'user',
    permission: 'dashboard.read',
    query: maintenanceQuery,
    cache: cache.etag,
    response: { schema: pagedFees },
  },
  ({ tenant, query }) => tenant((tx) => portfolioMaintenance(tx, query)),
);
