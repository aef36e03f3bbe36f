import { disconnectRoute } from '@/server/integrations/routes';

export const DELETE = disconnectRoute('microsoft_teams', 'Disconnect Microsoft Teams (product.md #72)');
