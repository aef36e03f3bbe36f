import { apiRoute } from '@/server/http/api-route';
import { setupMfa } from '@/server/auth/mfa';

export const POST = apiRoute(
  {
    summary: 'Start TOTP enrolment (product.md #10)',
    auth: 'user',
    permission: 'profile.manage',
    allowWithoutMfa: true,
  },
  async ({ principal, deps, ip, userAgent, requestId }) => ({
    data: await setupMfa(deps, principal, { ip, userAgent, requestId }),
  }),
);
