import { apiRoute } from '@/server/http/api-route';
import { removeCompany } from '@/server/companies/manage';
import { companyParams } from '@/server/companies/schemas';
import { successSchema } from '@/server/listing/schemas';

export const DELETE = apiRoute(
  {
    summary: 'Soft-remove a monitored company; the pipeline re-runs without it (product.md #50)',
    auth: 'user',
    permission: 'companies.manage',
    params: companyParams,
    response: { schema: successSchema },
  },
  ({ tenant, principal, params, deps, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await removeCompany(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        deps,
        params.companyId,
      ),
    })),
);
