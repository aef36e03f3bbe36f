import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { optionalAccessClaims } from '@/server/auth/authenticate';
import { verifyMfa } from '@/server/auth/mfa';

export const POST = apiRoute(
  {
    summary:
      'Finish a login with a TOTP or backup code, or confirm enrolment when signed in (product.md #11)',
    auth: 'public',
    body: z.object({
      mfaToken: z.string().max(2000).optional(),
      code: z.string().trim().min(6).max(12),
      isBackupCode: z.boolean().default(false),
    }),
    rateLimit: { bucket: 'auth:mfa', limit: 10, windowSeconds: 60, key: 'ip' },
    example: { body: { code: '123456', isBackupCode: false } },
  },
  async ({ body, request, deps, setCookie, ip, userAgent, requestId }) => {
    const signedIn = body.mfaToken ? null : await optionalAccessClaims(deps, request);
    const result = await verifyMfa(deps, body, signedIn, { ip, userAgent, requestId });
    if (result.kind !== 'session') return { data: { mfaRequired: true, mfaToken: result.mfaToken } };
    result.cookies.forEach(setCookie);
    return { data: { user: result.user } };
  },
);
