import { dataQuality } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { dataQualitySchema } from '@/server/admin/schemas';
import { orgParams } from '@/server/organization/schemas';

export const GET = apiRoute(
  {
    summary: 'Data-quality counters of an organization (product.md #79)',
    auth: 'user',
    permission: 'platform.operate',
    params: orgParams,
    response: { schema: dataQualitySchema },
  },
  ({ tenant, params }) => tenant(async (tx) => ({ data: await dataQuality(tx, params.orgId) })),
);
