import 'server-only';
import { z } from 'zod';
import type { WebEnv } from '@patentrack/shared';
import { nonceForVerifier, pkceChallenge } from '../../oauth/client';
import { seal, unseal } from '../encryption';
import { opaqueToken, safeEqual } from '../secrets';
import { signInProvider, type SignInProvider } from './providers';

/**
 * The pending authorization request lives in this httpOnly cookie between the redirect to the provider and the
 * callback page (no browser storage, S-19): sealed, scoped to the login pages, ten minutes.
 */
export const AUTHORIZATION_COOKIE = {
  name: 'oauth_request',
  path: '/login',
  maxAgeSeconds: 10 * 60,
} as const;

const pendingRequest = z.object({
  provider: z.enum(['google', 'microsoft']),
  state: z.string(),
  codeVerifier: z.string(),
  redirectUri: z.string(),
  returnTo: z.string(),
});
export type PendingAuthorization = z.infer<typeof pendingRequest>;

const SCOPES: Record<SignInProvider, string> = {
  google: 'openid email profile',
  microsoft: 'openid email profile',
};

/** The callback page a provider sends the browser back to. */
export function callbackUrl(env: WebEnv, provider: SignInProvider): string {
  return new URL(`/login/oauth/${provider}`, env.APP_URL).toString();
}

/**
 * Starts an authorization-code request with PKCE (S256), a random `state` and the verifier-bound nonce: the
 * provider URL to send the browser to and the sealed cookie value remembering the request. Null when the provider
 * is not configured.
 */
export function beginAuthorization(
  env: WebEnv,
  provider: SignInProvider,
  returnTo: string,
): { authorizeUrl: string; cookieValue: string } | null {
  const config = signInProvider(env, provider);
  if (!config) return null;
  const pending: PendingAuthorization = {
    provider,
    state: opaqueToken(24),
    codeVerifier: opaqueToken(48),
    redirectUri: callbackUrl(env, provider),
    returnTo,
  };
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    redirect_uri: pending.redirectUri,
    scope: SCOPES[provider],
    state: pending.state,
    nonce: nonceForVerifier(pending.codeVerifier),
    code_challenge: pkceChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  return {
    authorizeUrl: url.toString(),
    cookieValue: seal(JSON.stringify(pending), env.ENCRYPTION_KEY),
  };
}

/** The pending request of the cookie when it was made for this provider and the callback's `state` matches it. */
export function claimAuthorization(
  env: WebEnv,
  provider: SignInProvider,
  state: string,
  cookieValue: string | undefined,
): PendingAuthorization | null {
  if (!cookieValue) return null;
  let pending: PendingAuthorization;
  try {
    pending = pendingRequest.parse(JSON.parse(unseal(cookieValue, env.ENCRYPTION_KEY)));
  } catch {
    return null;
  }
  return pending.provider === provider && safeEqual(pending.state, state) ? pending : null;
}
