import 'server-only';
import { z } from 'zod';
import { apiRoute } from '../../http/api-route';
import { loginAnswer } from '../login';
import type { SignInProvider } from './providers';
import { oauthSignIn } from './sign-in';

const body = z.object({
  code: z.string().min(1).max(2048),
  // RFC 7636 §4.1: 43–128 characters of the unreserved set.
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
  redirectUri: z.url().max(2048),
});

/** The handler of one provider's sign-in route (#8, #9); the two differ only in the provider. */
export function oauthSignInRoute(provider: SignInProvider, summary: string) {
  return apiRoute(
    {
      summary,
      auth: 'public',
      body,
      rateLimit: { bucket: `auth:oauth:${provider}`, limit: 10, windowSeconds: 60, key: 'ip' },
      example: {
        body: {
          code: 'authorization-code-from-the-provider',
          codeVerifier: 'v'.repeat(43),
          redirectUri: `http://localhost:3000/login/oauth/${provider}`,
        },
      },
    },
    async ({ body: input, deps, setCookie, ip, userAgent, requestId }) =>
      loginAnswer(await oauthSignIn(deps, provider, input, { ip, userAgent, requestId }), setCookie),
  );
}
