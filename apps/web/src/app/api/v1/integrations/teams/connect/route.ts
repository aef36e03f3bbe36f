import { connectRoute } from '@/server/integrations/routes';
import { teamsConnectedSchema } from '@/server/integrations/schemas';

export const POST = connectRoute(
  'microsoft_teams',
  {
    summary: 'Connect Microsoft Teams with PKCE (product.md #71)',
    pkce: true,
    response: teamsConnectedSchema,
  },
  ({ account }) => ({ data: { connected: true as const, tenantName: account } }),
);
