import 'server-only';
import { z } from 'zod';
import type { WebEnv } from '@patentrack/shared';
import { nonceForVerifier, pkceChallenge } from '../../oauth/client';
import { seal, unseal } from '@patentrack/shared/encryption';
import { opaqueToken, safeEqual } from '../secrets';
import { signInProvider, type SignInProvider } from './providers';

/**
 * The pending authorization request lives in this httpOnly cookie between the redirect to the provider and the
 * callback page (no browser storage, S-19): sealed, ten minutes, scoped to the pages of its flow.
 */
export const AUTHORIZATION_COOKIE = { name: 'oauth_request', maxAgeSeconds: 10 * 60 } as const;

/** One authorization-code request: sign-in (OpenID, with a nonce) or connecting an integration. */
export interface AuthorizationRequest {
  /** Names the flow, e.g. `google` or `integration:slack`; a callback only claims a request of its own flow. */
  key: string;
  authorizeUrl: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  /** Path the cookie is sent to: the callback page of the flow. */
  cookiePath: string;
  pkce: boolean;
  openId: boolean;
}

const pendingRequest = z.object({
  key: z.string(),
  state: z.string(),
  codeVerifier: z.string().nullable(),
  redirectUri: z.string(),
  returnTo: z.string(),
});
export type PendingAuthorization = z.infer<typeof pendingRequest>;

/** Sign-in with Google or Microsoft (#8, #9), back on `/login/oauth/{provider}`; null when not configured. */
export function signInAuthorization(env: WebEnv, provider: SignInProvider): AuthorizationRequest | null {
  const config = signInProvider(env, provider);
  if (!config) return null;
  return {
    key: provider,
    authorizeUrl: config.authorizeUrl,
    clientId: config.clientId,
    scope: 'openid email profile',
    redirectUri: new URL(`/login/oauth/${provider}`, env.APP_URL).toString(),
    cookiePath: '/login',
    pkce: true,
    openId: true,
  };
}

/**
 * Starts an authorization-code request with a random `state`, with PKCE (S256) and the verifier-bound nonce where
 * the flow uses them: the provider URL to send the browser to and the sealed cookie value remembering the request.
 */
export function beginAuthorization(
  env: WebEnv,
  request: AuthorizationRequest,
  returnTo: string,
): { authorizeUrl: string; cookieValue: string } {
  const pending: PendingAuthorization = {
    key: request.key,
    state: opaqueToken(24),
    codeVerifier: request.pkce ? opaqueToken(48) : null,
    redirectUri: request.redirectUri,
    returnTo,
  };
  const params = new URLSearchParams({
    client_id: request.clientId,
    response_type: 'code',
    redirect_uri: pending.redirectUri,
    scope: request.scope,
    state: pending.state,
  });
  if (pending.codeVerifier) {
    params.set('code_challenge', pkceChallenge(pending.codeVerifier));
    params.set('code_challenge_method', 'S256');
    if (request.openId) params.set('nonce', nonceForVerifier(pending.codeVerifier));
  }
  const url = new URL(request.authorizeUrl);
  url.search = params.toString();
  return {
    authorizeUrl: url.toString(),
    cookieValue: seal(JSON.stringify(pending), env.ENCRYPTION_KEY),
  };
}

/** The pending request of the cookie when it was made for this flow and the callback's `state` matches it. */
export function claimAuthorization(
  env: WebEnv,
  key: string,
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
  return pending.key === key && safeEqual(pending.state, state) ? pending : null;
}
