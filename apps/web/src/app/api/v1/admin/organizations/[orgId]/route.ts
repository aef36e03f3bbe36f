import { apiRoute } from '@/server/http/api-route';
import { adminOrganizationStatus, updateAdminOrganization } from '@/server/admin/organizations';
import { adminOrgPatchBody, adminOrgStatusSchema } from '@/server/admin/schemas';
import { orgParams } from '@/server/organization/schemas';

export const GET = apiRoute(
  {
    summary:
      'One organization for the admin panel: status, users, pipeline state, counts, live share links (product.md #75)',
    auth: 'user',
    permission: 'platform.operate',
    params: orgParams,
    response: { schema: adminOrgStatusSchema },
  },
  ({ tenant }) => tenant(async (tx) => ({ data: await adminOrganizationStatus(tx) })),
);

export const PATCH = apiRoute(
  {
    summary: 'Rename an organization, change its environment mode, or (de)activate it (product.md #76)',
    auth: 'user',
    permission: 'platform.operate',
    params: orgParams,
    body: adminOrgPatchBody,
    response: { schema: adminOrgStatusSchema },
    example: { body: { status: 'active' } },
  },
  ({ tenant, principal, params, body, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await updateAdminOrganization(tx, principal, params.orgId, body, { ip, userAgent, requestId }),
    })),
);
