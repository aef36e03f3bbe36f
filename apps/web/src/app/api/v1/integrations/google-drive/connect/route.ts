import { connectRoute } from '@/server/integrations/routes';
import { driveConnectedSchema } from '@/server/integrations/schemas';

export const POST = connectRoute(
  'google_drive',
  { summary: 'Connect Google Drive with PKCE (product.md #69)', pkce: true, response: driveConnectedSchema },
  ({ account }) => ({ data: { connected: true as const, email: account } }),
);
