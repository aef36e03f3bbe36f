import { AppError } from '@patentrack/shared';
import { organizationDetail } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { organizationSchema, orgParams, updateOrganizationBody } from '@/server/organization/schemas';
import { updateOrganization } from '@/server/organization/update';

export const GET = apiRoute(
  {
    summary: 'Organization detail: name, mode, status, settings, counts (product.md #38)',
    auth: 'user',
    permission: 'dashboard.read',
    params: orgParams,
    cache: cache.etag,
    response: { schema: organizationSchema },
  },
  ({ tenant }) =>
    tenant(async (tx) => {
      const detail = await organizationDetail(tx);
      if (!detail) throw AppError.notFound('Organization');
      return { data: detail };
    }),
);

export const PATCH = apiRoute(
  {
    summary: 'Rename the organization, set its default theme or (super admin) its mode (product.md #39)',
    auth: 'user',
    permission: 'org.update',
    params: orgParams,
    body: updateOrganizationBody,
    response: { schema: organizationSchema },
    example: { body: { settings: { darkMode: true } } },
  },
  ({ tenant, principal, params, body, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await updateOrganization(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        body,
      ),
    })),
);
