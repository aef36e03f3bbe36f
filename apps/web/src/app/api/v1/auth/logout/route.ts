import { apiRoute } from '@/server/http/api-route';
import { clearedSessionCookies } from '@/server/auth/session-cookies';
import { recordAudit } from '@/server/auth/accounts';

export const POST = apiRoute(
  {
    summary: 'Revoke this session and clear its cookies (product.md #3)',
    auth: 'user',
    permission: 'profile.manage',
    allowWithoutMfa: true,
  },
  async ({ principal, deps, tenant, setCookie, ip, userAgent, requestId }) => {
    await deps.sessions.close(principal.userId, principal.sessionId);
    await tenant((tx) =>
      recordAudit(tx, principal.orgId, {
        action: 'user.logout',
        actorUserId: principal.userId,
        targetType: 'user',
        targetId: principal.userId,
        ip,
        userAgent,
        requestId,
      }),
    );
    clearedSessionCookies(deps).forEach(setCookie);
    return { data: { success: true } };
  },
);
