import { apiRoute } from '@/server/http/api-route';
import { afterApproval, approveOrganization } from '@/server/admin/approval';
import { approveBody, approvedSchema } from '@/server/admin/schemas';
import { orgParams } from '@/server/organization/schemas';

export const POST = apiRoute(
  {
    summary:
      'Approve a self-registered organization with its monitored companies; the first pipeline run is queued when it has any (product.md #4)',
    auth: 'user',
    permission: 'orgs.onboard',
    params: orgParams,
    body: approveBody,
    response: { schema: approvedSchema },
    example: { body: { companies: ['EXAMPLE HOLDINGS INC'] } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) => {
    const approved = await tenant((tx) =>
      approveOrganization(tx, principal, params.orgId, body, { ip, userAgent, requestId }),
    );
    return { data: await afterApproval(deps, principal, approved) };
  },
);
