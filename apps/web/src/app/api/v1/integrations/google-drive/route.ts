import { disconnectRoute } from '@/server/integrations/routes';

export const DELETE = disconnectRoute('google_drive', 'Disconnect Google Drive (settings card, B2.17)');
