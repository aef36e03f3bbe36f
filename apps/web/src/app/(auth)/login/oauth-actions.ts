'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { safeReturnTo } from '@/lib/api';
import { webEnv } from '@/server/env';
import {
  AUTHORIZATION_COOKIE,
  beginAuthorization,
  claimAuthorization,
} from '@/server/auth/oauth/authorization';
import { SIGN_IN_PROVIDERS } from '@/server/auth/oauth/providers';

const providerSchema = z.enum(SIGN_IN_PROVIDERS);

/**
 * "Continue with …": remembers a new PKCE request in the httpOnly cookie and returns the provider's authorize URL
 * for the browser to open; null when the provider is not configured.
 */
export async function startOAuthSignIn(provider: string, returnTo: string): Promise<string | null> {
  const env = webEnv();
  const begun = beginAuthorization(env, providerSchema.parse(provider), safeReturnTo(returnTo));
  if (!begun) return null;
  (await cookies()).set(AUTHORIZATION_COOKIE.name, begun.cookieValue, {
    path: AUTHORIZATION_COOKIE.path,
    maxAge: AUTHORIZATION_COOKIE.maxAgeSeconds,
    httpOnly: true,
    sameSite: 'strict',
    secure: env.NODE_ENV === 'production',
  });
  return begun.authorizeUrl;
}

/**
 * The callback page's one use of the pending request: when `state` matches, hands back what the code exchange
 * (#8, #9) needs and forgets the request, so a replayed callback finds nothing.
 */
export async function claimOAuthSignIn(provider: string, state: string) {
  const jar = await cookies();
  const pending = claimAuthorization(
    webEnv(),
    providerSchema.parse(provider),
    z.string().max(200).parse(state),
    jar.get(AUTHORIZATION_COOKIE.name)?.value,
  );
  jar.delete({ name: AUTHORIZATION_COOKIE.name, path: AUTHORIZATION_COOKIE.path });
  return (
    pending && {
      codeVerifier: pending.codeVerifier,
      redirectUri: pending.redirectUri,
      returnTo: pending.returnTo,
    }
  );
}
