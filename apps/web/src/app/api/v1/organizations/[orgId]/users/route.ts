import { listUsers } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { orgParams } from '@/server/organization/schemas';
import { inviteUser } from '@/server/users/manage';
import { invitedSchema, inviteBody, usersSchema } from '@/server/users/schemas';

export const GET = apiRoute(
  {
    summary: 'Users of the organization with role, status, MFA and last login (product.md #51)',
    auth: 'user',
    permission: 'users.manage',
    params: orgParams,
    response: { schema: usersSchema },
  },
  ({ tenant }) => tenant((tx) => listUsers(tx)),
);

export const POST = apiRoute(
  {
    summary: 'Invite a user by email with a role (product.md #52)',
    auth: 'user',
    permission: 'users.manage',
    params: orgParams,
    body: inviteBody,
    response: { status: 201, schema: invitedSchema },
    example: { body: { email: 'new.colleague@example.test', name: 'New Colleague', role: 'member' } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) => {
    const { userId, mail } = await tenant((tx) =>
      inviteUser({ tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } }, deps, body),
    );
    await deps.mail.send(mail);
    return reply.created({ data: { userId, invitationSent: true } });
  },
);
