import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadEnv, webEnvSchema } from '@patentrack/shared';
import {
  ApiTestClient,
  seedSuperAdmin,
  seedTenant,
  setupWebTestEnvironment,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../../http/testing';
import { COOKIE } from '../config';
import { nonceForVerifier } from '../../oauth/client';
import { configuredSignInProviders, signInProvider } from './providers';
import { beginAuthorization, claimAuthorization, signInAuthorization } from './authorization';
import { serverDeps } from '../../http/deps';
import { pkceChallenge } from '../../oauth/client';

vi.mock('server-only', () => ({}));

const GOOGLE_CLIENT = 'google-client-id';
const MICROSOFT_CLIENT = 'microsoft-client-id';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/**
 * A local OpenID provider: a JWKS with one signing key and a token endpoint answering each registered code with
 * its prepared reply; it records every token request so the tests can see what the server sent.
 */
class LocalOidcProvider {
  readonly replies = new Map<string, { status: number; body: unknown }>();
  readonly tokenRequests: { url: string; form: URLSearchParams }[] = [];
  private server!: Server;
  private key!: CryptoKey;
  origin = '';

  async start() {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    this.server = createServer((request, response) => void this.answer(request, response, jwks));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async answer(request: IncomingMessage, response: import('node:http').ServerResponse, jwks: object) {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/jwks') return send(200, jwks);
    if (request.method === 'POST' && request.url?.startsWith('/token')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      this.tokenRequests.push({ url: request.url, form });
      const reply = this.replies.get(form.get('code') ?? '');
      return reply ? send(reply.status, reply.body) : send(400, { error: 'invalid_grant' });
    }
    send(404, { error: 'not_found' });
  }

  /** Signs an id token with this provider's key (or `key`, to forge one) and registers it as the answer to a new code. */
  async issue(claims: JWTPayload, options: { key?: CryptoKey; expiresIn?: string | number } = {}) {
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? this.key);
    const code = randomBytes(12).toString('hex');
    const accessToken = `provider-access-${randomBytes(8).toString('hex')}`;
    this.replies.set(code, {
      status: 200,
      body: { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600 },
    });
    return { code, idToken, accessToken };
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let env: WebTestEnvironment;
let org: SeededTenant;
let superAdmin: { id: string; email: string };
const provider = new LocalOidcProvider();

beforeAll(async () => {
  env = await setupWebTestEnvironment('oauth');
  await provider.start();
  // Read by webEnv() on the first request; every provider URL points at the local server.
  Object.assign(process.env, {
    GOOGLE_OAUTH_CLIENT_ID: GOOGLE_CLIENT,
    GOOGLE_OAUTH_CLIENT_SECRET: 'google-client-secret',
    GOOGLE_OAUTH_AUTHORIZE_URL: `${provider.origin}/authorize`,
    GOOGLE_OAUTH_TOKEN_URL: `${provider.origin}/token`,
    GOOGLE_OAUTH_JWKS_URL: `${provider.origin}/jwks`,
    GOOGLE_OAUTH_ISSUER: provider.origin,
    MICROSOFT_OAUTH_CLIENT_ID: MICROSOFT_CLIENT,
    MICROSOFT_OAUTH_CLIENT_SECRET: 'microsoft-client-secret',
    MICROSOFT_OAUTH_AUTHORIZE_URL: `${provider.origin}/authorize`,
    MICROSOFT_OAUTH_TOKEN_URL: `${provider.origin}/token`,
    MICROSOFT_OAUTH_JWKS_URL: `${provider.origin}/jwks`,
    MICROSOFT_OAUTH_ISSUER: `${provider.origin}/{tenantid}/v2.0`,
  });
  const passwordHash = await hash(TEST_PASSWORD, 4);
  org = await seedTenant(env.admin, 'oauth', passwordHash);
  superAdmin = await seedSuperAdmin(env.admin, passwordHash);
});
afterAll(async () => {
  await provider.stop();
  await env.teardown();
});

const verifier = () => randomBytes(32).toString('base64url');
const REDIRECT = 'http://localhost:3000/login/oauth/google';

/** Google-shaped claims for `sub`, bound to `codeVerifier` through the nonce. */
const googleClaims = (sub: string, codeVerifier: string, extra: JWTPayload = {}): JWTPayload => ({
  iss: provider.origin,
  aud: GOOGLE_CLIENT,
  sub,
  nonce: nonceForVerifier(codeVerifier),
  ...extra,
});

async function signInWith(
  providerName: 'google' | 'microsoft',
  code: string,
  codeVerifier: string,
  client = new ApiTestClient(env.routes),
) {
  const result = await client.post(`/api/v1/auth/oauth/${providerName}`, {
    code,
    codeVerifier,
    redirectUri: REDIRECT,
  });
  return { result, client };
}

async function identitiesOf(userId: string) {
  const { rows } = await env.admin.query(
    `select provider, provider_account_id from user_identities where user_id = $1 order by provider`,
    [userId],
  );
  return rows;
}

describe('Google sign-in (#8)', () => {
  it('links the account whose email the provider verified, signs it in and passes the PKCE verifier on', async () => {
    const codeVerifier = verifier();
    const issued = await provider.issue(
      googleClaims('google-member', codeVerifier, {
        email: org.member.email.toUpperCase(),
        email_verified: true,
      }),
    );
    const { result, client } = await signInWith('google', issued.code, codeVerifier);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.data.user).toMatchObject({ id: org.member.id, orgId: org.orgId, role: 'member' });
    expect(client.cookies.has(COOKIE.access)).toBe(true);
    expect((await client.get('/api/v1/me')).json.data.user.id).toBe(org.member.id);
    expect(await identitiesOf(org.member.id)).toEqual([
      { provider: 'google', provider_account_id: 'google-member' },
    ]);

    const sent = provider.tokenRequests.at(-1)!;
    // Everything goes in the form body, nothing in the URL (S-22).
    expect(sent.url).toBe('/token');
    expect(Object.fromEntries(sent.form)).toEqual({
      grant_type: 'authorization_code',
      code: issued.code,
      redirect_uri: REDIRECT,
      client_id: GOOGLE_CLIENT,
      client_secret: 'google-client-secret',
      code_verifier: codeVerifier,
    });
    // The provider's tokens stay on the server; only our own session cookies reach the browser.
    const body = JSON.stringify(result.json);
    expect(body).not.toContain(issued.accessToken);
    expect(body).not.toContain(issued.idToken);
    expect(body).not.toMatch(/eyJ/);
    for (const cookie of result.headers.getSetCookie()) {
      expect(cookie).not.toContain(issued.accessToken);
      expect(cookie).not.toContain(issued.idToken.slice(0, 40));
    }
    const { rows } = await env.admin.query(
      `select action from audit_events where actor_user_id = $1 order by created_at`,
      [org.member.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['user.identity_linked', 'user.login']);
  });

  it('signs a linked identity in by its subject, whatever email the token carries now', async () => {
    const codeVerifier = verifier();
    const issued = await provider.issue(
      googleClaims('google-member', codeVerifier, { email: 'renamed@example.test', email_verified: false }),
    );
    const { result } = await signInWith('google', issued.code, codeVerifier);
    expect(result.status).toBe(200);
    expect(result.json.data.user.id).toBe(org.member.id);
  });

  it('refuses an unverified email and an email without an account, linking nothing', async () => {
    const unverifiedVerifier = verifier();
    const unverified = await provider.issue(
      googleClaims('google-admin', unverifiedVerifier, { email: org.admin.email, email_verified: false }),
    );
    const refusedUnverified = (await signInWith('google', unverified.code, unverifiedVerifier)).result;
    expect(refusedUnverified.status).toBe(403);
    expect(refusedUnverified.json.error.details.reason).toBe('email_not_verified_by_provider');
    expect(await identitiesOf(org.admin.id)).toEqual([]);

    const unknownVerifier = verifier();
    const unknown = await provider.issue(
      googleClaims('google-stranger', unknownVerifier, {
        email: 'stranger@example.test',
        email_verified: true,
      }),
    );
    const { result, client } = await signInWith('google', unknown.code, unknownVerifier);
    expect(result.status).toBe(403);
    expect(result.json.error.details.reason).toBe('no_account');
    expect(client.cookies.has(COOKIE.access)).toBe(false);
    const { rows } = await env.admin.query(`select count(*)::int as n from users where email = $1`, [
      'stranger@example.test',
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('rejects a wrong audience, a wrong issuer, an expired token, a foreign signature and a nonce of another verifier', async () => {
    const forger = await generateKeyPair('RS256');
    const cases: [string, (v: string) => Promise<{ code: string }>][] = [
      ['audience', (v) => provider.issue(googleClaims('google-admin', v, { aud: 'someone-else' }))],
      [
        'issuer',
        (v) => provider.issue(googleClaims('google-admin', v, { iss: 'https://evil.example.test' })),
      ],
      [
        'expired',
        (v) =>
          provider.issue(googleClaims('google-admin', v), { expiresIn: Math.floor(Date.now() / 1000) - 120 }),
      ],
      ['signature', (v) => provider.issue(googleClaims('google-admin', v), { key: forger.privateKey })],
      ['nonce', () => provider.issue(googleClaims('google-admin', verifier()))],
    ];
    for (const [name, issue] of cases) {
      const codeVerifier = verifier();
      const { code } = await issue(codeVerifier);
      const { result } = await signInWith('google', code, codeVerifier);
      expect(result.status, name).toBe(401);
      expect(result.json.error.details.reason, name).toBe('invalid_id_token');
    }
    // These tokens named an existing identity-less admin: none of them linked or signed in.
    expect(await identitiesOf(org.admin.id)).toEqual([]);
  });

  it('answers 401 when the provider refuses the code', async () => {
    const { result } = await signInWith('google', 'a-code-the-provider-never-issued', verifier());
    expect(result.status).toBe(401);
    expect(result.json.error.details.reason).toBe('oauth_code_rejected');
  });

  it('MFA users get the TOTP challenge instead of a session; super admins must use their password', async () => {
    await env.admin.query(`update users set mfa_enabled = true where id = $1`, [org.otherMember.id]);
    const mfaVerifier = verifier();
    const mfa = await provider.issue(
      googleClaims('google-mfa', mfaVerifier, { email: org.otherMember.email, email_verified: true }),
    );
    const { result, client } = await signInWith('google', mfa.code, mfaVerifier);
    expect(result.status).toBe(200);
    expect(result.json.data).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(client.cookies.has(COOKIE.access)).toBe(false);

    const superVerifier = verifier();
    const sup = await provider.issue(
      googleClaims('google-super', superVerifier, { email: superAdmin.email, email_verified: true }),
    );
    const refused = (await signInWith('google', sup.code, superVerifier)).result;
    expect(refused.status).toBe(403);
    expect(refused.json.error.details.reason).toBe('password_required');
    expect(await identitiesOf(superAdmin.id)).toEqual([]);
  });
});

describe('Microsoft sign-in (#9)', () => {
  const microsoftClaims = (sub: string, codeVerifier: string, extra: JWTPayload = {}): JWTPayload => ({
    iss: `${provider.origin}/${TENANT_ID}/v2.0`,
    aud: MICROSOFT_CLIENT,
    tid: TENANT_ID,
    sub,
    nonce: nonceForVerifier(codeVerifier),
    email: org.admin.email,
    ...extra,
  });

  it('links only when the tenant verified the email domain (xms_edov), and checks the per-tenant issuer', async () => {
    const plainVerifier = verifier();
    const plain = await provider.issue(microsoftClaims('ms-admin', plainVerifier));
    const refused = (await signInWith('microsoft', plain.code, plainVerifier)).result;
    expect(refused.status).toBe(403);
    expect(refused.json.error.details.reason).toBe('email_not_verified_by_provider');

    const otherTenantVerifier = verifier();
    const otherTenant = await provider.issue(
      microsoftClaims('ms-admin', otherTenantVerifier, { xms_edov: true, tid: 'another-tenant' }),
    );
    expect((await signInWith('microsoft', otherTenant.code, otherTenantVerifier)).result.status).toBe(401);

    const codeVerifier = verifier();
    const issued = await provider.issue(microsoftClaims('ms-admin', codeVerifier, { xms_edov: true }));
    const { result } = await signInWith('microsoft', issued.code, codeVerifier);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.data.user.id).toBe(org.admin.id);
    expect(await identitiesOf(org.admin.id)).toEqual([
      { provider: 'microsoft', provider_account_id: 'ms-admin' },
    ]);
  });
});

describe('the browser round trip', () => {
  it('begin → provider → callback: S256 challenge, state and nonce in the authorize URL; the claimed verifier redeems the code', async () => {
    const { env: webEnvironment } = serverDeps();
    const begun = beginAuthorization(
      webEnvironment,
      signInAuthorization(webEnvironment, 'google')!,
      '/assets?status=broken',
    );
    const authorize = new URL(begun.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${provider.origin}/authorize`);
    const query = Object.fromEntries(authorize.searchParams);
    expect(query).toMatchObject({
      client_id: GOOGLE_CLIENT,
      response_type: 'code',
      redirect_uri: 'http://localhost:3000/login/oauth/google',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    // The verifier itself never leaves the server-side cookie until the callback claims it.
    expect(begun.authorizeUrl).not.toContain(begun.cookieValue);

    expect(claimAuthorization(webEnvironment, 'google', 'forged-state', begun.cookieValue)).toBeNull();
    expect(claimAuthorization(webEnvironment, 'microsoft', query.state!, begun.cookieValue)).toBeNull();
    expect(
      claimAuthorization(webEnvironment, 'integration:slack', query.state!, begun.cookieValue),
    ).toBeNull();
    expect(claimAuthorization(webEnvironment, 'google', query.state!, `${begun.cookieValue}x`)).toBeNull();
    const pending = claimAuthorization(webEnvironment, 'google', query.state!, begun.cookieValue)!;
    expect(pending.returnTo).toBe('/assets?status=broken');
    const codeVerifier = pending.codeVerifier!;
    expect(pkceChallenge(codeVerifier)).toBe(query.code_challenge);
    expect(nonceForVerifier(codeVerifier)).toBe(query.nonce);

    const issued = await provider.issue({
      iss: provider.origin,
      aud: GOOGLE_CLIENT,
      sub: 'google-member',
      nonce: query.nonce,
    });
    const result = await new ApiTestClient(env.routes).post('/api/v1/auth/oauth/google', {
      code: issued.code,
      codeVerifier,
      redirectUri: pending.redirectUri,
    });
    expect(result.status).toBe(200);
    expect(result.json.data.user.id).toBe(org.member.id);
    expect(pkceChallenge(provider.tokenRequests.at(-1)!.form.get('code_verifier')!)).toBe(
      query.code_challenge,
    );
  });
});

describe('configuration', () => {
  it('a provider is offered only with both its client id and secret', () => {
    const base = {
      NODE_ENV: 'test' as const,
      JWT_SECRET: 'x'.repeat(32),
      SHARE_TOKEN_SECRET: 'x'.repeat(32),
      ENCRYPTION_KEY: 'a'.repeat(64),
      STORAGE_SIGNING_SECRET: 'x'.repeat(32),
    };
    const none = loadEnv(webEnvSchema, base);
    expect(configuredSignInProviders(none)).toEqual([]);
    expect(none.GOOGLE_OAUTH_TOKEN_URL).toBe('https://oauth2.googleapis.com/token');
    const idOnly = loadEnv(webEnvSchema, { ...base, GOOGLE_OAUTH_CLIENT_ID: 'id' });
    expect(signInProvider(idOnly, 'google')).toBeNull();
    const both = loadEnv(webEnvSchema, {
      ...base,
      MICROSOFT_OAUTH_CLIENT_ID: 'id',
      MICROSOFT_OAUTH_CLIENT_SECRET: 'secret',
    });
    expect(configuredSignInProviders(both)).toEqual(['microsoft']);
    expect(() => loadEnv(webEnvSchema, { ...base, GOOGLE_OAUTH_TOKEN_URL: 'not a url' })).toThrow(
      /GOOGLE_OAUTH_TOKEN_URL/,
    );
  });
});
