import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { resendVerification } from '@/server/auth/registration';

export const POST = apiRoute(
  {
    summary:
      'Send a new verification code ("send a new code" on /verify-email); same reply whatever the email',
    auth: 'public',
    body: z.object({ email: z.email().max(320) }),
    rateLimit: { bucket: 'auth:verify-resend', limit: 3, windowSeconds: 60, key: 'ip' },
    example: { body: { email: 'new.user@example.com' } },
  },
  async ({ body, deps }) => {
    await resendVerification(deps, body.email);
    return { data: { message: 'If this account is waiting for verification, a new code is on its way.' } };
  },
);
