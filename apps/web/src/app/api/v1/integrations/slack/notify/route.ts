import { apiRoute } from '@/server/http/api-route';
import { integrationContext } from '@/server/integrations/routes';
import { notifySlack } from '@/server/integrations/slack-notify';
import { slackNotifiedSchema, slackNotifyBody } from '@/server/integrations/schemas';

export const POST = apiRoute(
  {
    summary:
      'Post a message with the selected assets to a Slack channel, 10 per hour per organization (product.md #68)',
    auth: 'user',
    permission: 'integrations.use',
    body: slackNotifyBody,
    response: { schema: slackNotifiedSchema },
    example: { body: { channel: 'C0123456789', message: 'Broken titles to review' } },
  },
  async (ctx) => ({ data: await notifySlack(integrationContext(ctx), ctx.body) }),
);
