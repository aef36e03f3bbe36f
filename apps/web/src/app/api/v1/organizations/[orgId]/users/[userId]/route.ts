import { apiRoute } from '@/server/http/api-route';
import { successSchema } from '@/server/listing/schemas';
import { removeUser, updateUser } from '@/server/users/manage';
import { updateUserBody, userParams, userReplySchema } from '@/server/users/schemas';

export const PATCH = apiRoute(
  {
    summary: 'Change a role or status (active unlocks); 409 for the last admin (product.md #53)',
    auth: 'user',
    permission: 'users.manage',
    params: userParams,
    body: updateUserBody,
    response: { schema: userReplySchema },
    example: { body: { role: 'admin' } },
  },
  ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await updateUser(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        deps,
        params.userId,
        body,
      ),
    })),
);

export const DELETE = apiRoute(
  {
    summary: 'Remove a user and revoke their sessions; 409 for the last admin (product.md #54)',
    auth: 'user',
    permission: 'users.manage',
    params: userParams,
    response: { schema: successSchema },
  },
  ({ tenant, principal, params, deps, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await removeUser(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        deps,
        params.userId,
      ),
    })),
);
