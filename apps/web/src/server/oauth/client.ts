import 'server-only';
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { AppError, type Logger } from '@patentrack/shared';

/** Where and as whom an authorization code is redeemed (sign-in providers and integrations alike). */
export interface OAuthClient {
  /** Display name for error messages, e.g. "Google". */
  name: string;
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
}

const PROVIDER_TIMEOUT_MS = 10_000;

/** RFC 7636 S256 code challenge of a PKCE verifier. */
export function pkceChallenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

/**
 * The OpenID `nonce` sent with an authorization request, derived from its PKCE verifier: the id token must carry
 * it, which binds the token to the browser that started the request while the API body stays `{code, codeVerifier,
 * redirectUri}`. The verifier cannot be recovered from it.
 */
export function nonceForVerifier(codeVerifier: string): string {
  return createHash('sha256').update(`nonce:${codeVerifier}`).digest('base64url');
}

const unavailable = (client: OAuthClient) =>
  new AppError('SERVICE_UNAVAILABLE', `${client.name} did not answer; try again shortly`, {
    reason: 'provider_unavailable',
  });

/**
 * Redeems an authorization code at the provider's token endpoint (RFC 6749 §4.1.3, with the PKCE verifier when
 * there is one) and validates the answer with `schema`. A refused code is a 401; an unreachable or failing provider
 * is a 503. Tokens are never logged: only the provider's error code is.
 */
export async function exchangeAuthorizationCode<S extends z.ZodType>(
  client: OAuthClient,
  input: { code: string; redirectUri: string; codeVerifier?: string },
  schema: S,
  log?: Logger,
): Promise<z.output<S>> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  if (input.codeVerifier) form.set('code_verifier', input.codeVerifier);
  let response: Response;
  try {
    response = await fetch(client.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      redirect: 'error',
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch {
    throw unavailable(client);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status >= 500 || body === null) throw unavailable(client);
  const parsed = schema.safeParse(body);
  if (!response.ok || !parsed.success) {
    const providerError = (body as { error?: unknown }).error;
    log?.warn(
      { provider: client.name, status: response.status, error: String(providerError ?? 'malformed') },
      'oauth code exchange refused',
    );
    throw new AppError('UNAUTHORIZED', `${client.name} refused the sign-in code; start again`, {
      reason: 'oauth_code_rejected',
    });
  }
  return parsed.data as z.output<S>;
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** One cached key set per JWKS URL, so keys are fetched once and re-fetched only for an unknown `kid`. */
function keySetOf(jwksUrl: string) {
  let keySet = keySets.get(jwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: PROVIDER_TIMEOUT_MS });
    keySets.set(jwksUrl, keySet);
  }
  return keySet;
}

export interface IdTokenExpectations {
  jwksUrl: string;
  audience: string;
  /** The expected `iss`; a function when it depends on the verified claims (per-tenant issuers). */
  issuer: string | ((claims: JWTPayload) => string);
  nonce: string;
}

const invalidIdToken = () =>
  new AppError('UNAUTHORIZED', 'The identity provider’s answer could not be verified', {
    reason: 'invalid_id_token',
  });

/** Verifies an OpenID Connect id token: signature against the provider's JWKS, then audience, expiry, issuer and nonce. */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<JWTPayload> {
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, keySetOf(expected.jwksUrl), {
      audience: expected.audience,
      requiredClaims: ['iss', 'sub', 'exp', 'iat'],
      clockTolerance: 30,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWKSTimeout)
      throw new AppError('SERVICE_UNAVAILABLE', 'Try again shortly');
    throw invalidIdToken();
  }
  const issuer = typeof expected.issuer === 'function' ? expected.issuer(claims) : expected.issuer;
  if (claims.iss !== issuer || claims.nonce !== expected.nonce) throw invalidIdToken();
  return claims;
}

/**
 * Calls a provider API with an access token in the Authorization header (never the URL, S-22) and validates the
 * JSON answer with `schema`; a refused token, an error answer or an unreachable provider is a 503 naming it.
 */
export async function callProviderApi<S extends z.ZodType>(
  provider: string,
  url: string,
  accessToken: string,
  schema: S,
  init: { method?: 'GET' | 'POST'; json?: unknown } = {},
): Promise<z.output<S>> {
  const failed = (reason: string) =>
    new AppError('SERVICE_UNAVAILABLE', `${provider} did not accept the request; try again or reconnect`, {
      reason,
    });
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json',
        ...(init.json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: 'error',
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch {
    throw failed('provider_unavailable');
  }
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw failed('provider_error');
  return parsed.data as z.output<S>;
}
