import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { requestDriveExport } from '@/server/integrations/drive-export';
import { integrationContext } from '@/server/integrations/routes';
import { driveExportBody, driveExportStartedSchema } from '@/server/integrations/schemas';

export const POST = apiRoute(
  {
    summary:
      'Export selected assets to a new Google Sheet in the connected Drive, 5 per hour per user; `job-complete` (`drive_export`) on the live stream carries the sheet’s address (product.md #70)',
    auth: 'user',
    permission: 'integrations.use',
    body: driveExportBody,
    rateLimit: { bucket: 'drive-export', limit: 5, windowSeconds: 3600, key: 'user' },
    response: { status: 202, schema: driveExportStartedSchema },
    example: {
      body: {
        assetIds: ['00000000-0000-4000-8000-000000000001'],
        includeFields: ['grantNumber', 'title', 'status'],
        sheetName: 'Broken titles to review',
      },
    },
  },
  async (ctx) =>
    reply.accepted({ data: await requestDriveExport(integrationContext(ctx), ctx.principal.role, ctx.body) }),
);
