import { disconnectRoute } from '@/server/integrations/routes';

export const DELETE = disconnectRoute('slack', 'Disconnect Slack (product.md #67)');
