import { listOrganizations } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { adminOrgsQuery, pagedAdminOrgs } from '@/server/admin/schemas';

export const GET = apiRoute(
  {
    summary: 'Every organization with mode, status, users, assets and last run (product.md #73)',
    auth: 'user',
    permission: 'platform.operate',
    query: adminOrgsQuery,
    response: { schema: pagedAdminOrgs },
  },
  ({ tenant, query }) => tenant((tx) => listOrganizations(tx, query)),
);
