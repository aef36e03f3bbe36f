import 'server-only';
import { cookies } from 'next/headers';
import type { WebEnv } from '@patentrack/shared';
import {
  AUTHORIZATION_COOKIE,
  beginAuthorization,
  claimAuthorization,
  type AuthorizationRequest,
  type PendingAuthorization,
} from './authorization';

/** For a server action: remembers a new authorization request in the httpOnly cookie; the provider URL to open. */
export async function startAuthorization(
  env: WebEnv,
  request: AuthorizationRequest,
  returnTo: string,
): Promise<string> {
  const begun = beginAuthorization(env, request, returnTo);
  (await cookies()).set(AUTHORIZATION_COOKIE.name, begun.cookieValue, {
    path: request.cookiePath,
    maxAge: AUTHORIZATION_COOKIE.maxAgeSeconds,
    httpOnly: true,
    sameSite: 'strict',
    secure: env.NODE_ENV === 'production',
  });
  return begun.authorizeUrl;
}

/**
 * For the callback page's server action: the pending request when `state` matches, and the cookie is cleared
 * either way, so a replayed callback finds nothing.
 */
export async function takeAuthorization(
  env: WebEnv,
  request: Pick<AuthorizationRequest, 'key' | 'cookiePath'>,
  state: string,
): Promise<PendingAuthorization | null> {
  const jar = await cookies();
  const pending = claimAuthorization(env, request.key, state, jar.get(AUTHORIZATION_COOKIE.name)?.value);
  jar.delete({ name: AUTHORIZATION_COOKIE.name, path: request.cookiePath });
  return pending;
}
