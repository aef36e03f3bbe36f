import { apiRoute } from '@/server/http/api-route';
import { listIntegrations } from '@/server/integrations/connections';
import { integrationsSchema } from '@/server/integrations/schemas';

export const GET = apiRoute(
  {
    summary: 'Integrations of the organization: available here, connected account (B2.17 settings cards)',
    auth: 'user',
    permission: 'integrations.use',
    response: { schema: integrationsSchema },
  },
  ({ tenant, deps, principal }) =>
    tenant(async (tx) => ({ data: await listIntegrations(tx, deps, principal.orgId) })),
);
