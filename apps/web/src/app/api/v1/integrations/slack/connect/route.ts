import { connectRoute } from '@/server/integrations/routes';
import { slackConnectedSchema } from '@/server/integrations/schemas';

export const POST = connectRoute(
  'slack',
  { summary: 'Connect Slack (product.md #66)', pkce: false, response: slackConnectedSchema },
  ({ account, details }) => ({
    data: { connected: true as const, workspaceName: account, channelCount: Number(details.channelCount) },
  }),
);
