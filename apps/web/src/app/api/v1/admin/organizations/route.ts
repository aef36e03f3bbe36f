import { listOrganizations } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { adminOrgsQuery, onboardBody, onboardedSchema, pagedAdminOrgs } from '@/server/admin/schemas';
import { afterOnboarding, onboardOrganization } from '@/server/admin/onboarding';

export const GET = apiRoute(
  {
    summary: 'Every organization with mode, status, users, assets and last run (product.md #73)',
    auth: 'user',
    permission: 'platform.operate',
    query: adminOrgsQuery,
    response: { schema: pagedAdminOrgs },
  },
  ({ tenant, query }) => tenant((tx) => listOrganizations(tx, query)),
);

export const POST = apiRoute(
  {
    summary:
      'Onboard an organization: org in provisioning, companies, first admin invited, first pipeline run queued (product.md #74, B3.1)',
    auth: 'user',
    permission: 'orgs.onboard',
    body: onboardBody,
    response: { status: 201, schema: onboardedSchema },
    example: {
      body: {
        name: 'Example Holdings',
        environmentMode: 'PRO',
        adminEmail: 'owner@example.test',
        adminName: 'Olivia Owner',
        companies: ['EXAMPLE HOLDINGS INC'],
      },
    },
  },
  async ({ tenant, principal, body, deps, ip, userAgent, requestId }) => {
    const onboarded = await tenant((tx) =>
      onboardOrganization(tx, principal, body, { ip, userAgent, requestId }, deps.env.APP_URL),
    );
    const pipelineJobId = await afterOnboarding(deps, principal, onboarded);
    return reply.created({
      data: {
        id: onboarded.orgId,
        adminUserId: onboarded.adminUserId,
        companyIds: onboarded.companyIds,
        pipelineJobId,
        status: 'provisioning',
      },
    });
  },
);
