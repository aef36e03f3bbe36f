// Issue #7: the security controls over real HTTP against the built server (headers, error envelopes, body cap,
// CORS, cookies, CSRF, token tampering, refresh reuse, forged identity headers, rate limits, lockout). The
// in-process suites (route-security, sessions) prove the same rules on the handlers; this one proves that the
// proxy, Next and the handlers together still enforce them.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_DEFAULTS, withDatabaseUser } from '@patentrack/shared';
// @ts-expect-error plain ESM helper shared with `npm start`, no type declarations
import { webDir } from '../scripts/lib/web-build.mjs';
import { e2e } from './helpers';
import {
  createTestOrganization,
  expectEnvelope,
  HttpClient,
  signedIn,
  signIn,
  type HttpResult,
  type TestUser,
} from './http';

const ACCESS = 'access_token';
const REFRESH = 'refresh_token';
const ME = '/api/v1/me';

let users: Record<'admin' | 'member' | 'replayed' | 'locked', TestUser>;
let orgId: string;

beforeAll(async () => {
  ({ orgId, users } = await createTestOrganization('http', {
    admin: 'admin',
    member: 'member',
    replayed: 'member',
    locked: 'member',
  }));
});

/** An HS256 JWT as the server signs its access tokens, with any key. */
const signHs256 = (payload: JWTPayload, secret: string) =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));

const setCookieOf = (result: HttpResult, name: string) =>
  result.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`)) ?? '';

const failedLogin = (client: HttpClient, email: string) =>
  client.post('/api/v1/auth/login', { email, password: 'Not-the-password-1' });

/**
 * A second web server of the same build with settings the shared server lacks: a CORS allow-list (with a `*`
 * and a junk entry that must not widen it) and a JWT key this test knows, so it can sign an expired token. Same
 * database; its own Redis prefix, so its sessions and limits stay apart.
 */
const ALLOWED_ORIGIN = 'https://console.example.test';
const keyed = {
  jwtSecret: randomBytes(32).toString('hex'),
  redisPrefix: `pt-e2e-keyed-${randomBytes(4).toString('hex')}`,
  scratch: '',
  baseUrl: '',
  server: undefined as ChildProcess | undefined,
};

async function startKeyedServer(): Promise<void> {
  keyed.scratch = mkdtempSync(path.join(os.tmpdir(), 'pt-e2e-keyed-'));
  const { databaseUrl } = e2e();
  // Port 0: the server picks a free port and prints its URL.
  const server = spawn(process.execPath, [path.join(webDir, 'server.mjs'), '-p', '0', '-H', 'localhost'], {
    cwd: webDir,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      DATABASE_URL_APP: withDatabaseUser(databaseUrl, 'patentrack_app'),
      REDIS_URL: process.env.REDIS_URL ?? LOCAL_DEFAULTS.REDIS_URL,
      JWT_SECRET: keyed.jwtSecret,
      SHARE_TOKEN_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
      STORAGE_DIR: path.join(keyed.scratch, 'storage'),
      MAIL_OUTBOX_DIR: path.join(keyed.scratch, 'outbox'),
      QUEUE_PREFIX: keyed.redisPrefix,
      REDIS_KEY_PREFIX: keyed.redisPrefix,
      CORS_ALLOWED_ORIGINS: `${ALLOWED_ORIGIN}, *, not a url`,
      // No reverse proxy in front: the address is the connection's, whatever X-Forwarded-For a client sends.
      TRUSTED_PROXY_HOPS: '0',
      LOG_LEVEL: 'warn',
    },
  });
  keyed.server = server;
  let printed = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  await vi.waitFor(
    async () => {
      if (server.exitCode !== null) throw new Error(`the keyed server exited with ${server.exitCode}`);
      const port = /http:\/\/localhost:(\d+)/.exec(printed)?.[1];
      if (!port) throw new Error('no URL printed yet');
      keyed.baseUrl = `http://localhost:${port}`;
      if (!(await fetch(`${keyed.baseUrl}/api/health`)).ok) throw new Error('not healthy yet');
    },
    { timeout: 60_000, interval: 200 },
  );
}

async function stopKeyedServer(): Promise<void> {
  const server = keyed.server;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  const redis = new Redis(process.env.REDIS_URL ?? LOCAL_DEFAULTS.REDIS_URL);
  const keys = await redis.keys(`${keyed.redisPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  if (keyed.scratch) rmSync(keyed.scratch, { recursive: true, force: true });
}

describe('security headers and error envelopes', () => {
  it("pages and API answers carry CSP (frame-ancestors 'none', a fresh nonce), nosniff, Referrer-Policy and, in production mode, HSTS", async () => {
    const client = new HttpClient();
    const answers = {
      page: await client.get('/login'),
      secondPage: await client.get('/login'),
      unauthenticated: await client.get(ME),
      health: await client.get('/api/health'),
    };
    const nonceOf = (result: HttpResult) =>
      /'nonce-([^']+)'/.exec(result.headers.get('content-security-policy') ?? '')?.[1];
    const nonces = new Set<string | undefined>();
    for (const [name, result] of Object.entries(answers)) {
      const csp = result.headers.get('content-security-policy') ?? '';
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toContain("object-src 'none'");
      expect(csp, name).toContain("default-src 'self'");
      // global-setup starts the web server with NODE_ENV=production: no eval, HSTS on every answer. (A production build
      // fixes NODE_ENV, so the development variant without HSTS is the unit test's, not observable here.)
      expect(csp, name).not.toContain('unsafe-eval');
      expect(result.headers.get('strict-transport-security'), name).toMatch(/^max-age=(\d{8,})/);
      expect(result.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(result.headers.get('referrer-policy'), name).toBe('strict-origin-when-cross-origin');
      expect(result.headers.get('x-frame-options'), name).toBe('DENY');
      nonces.add(nonceOf(result));
    }
    // A fresh nonce per answer, and the page's own scripts carry it.
    expect([...nonces].filter(Boolean)).toHaveLength(Object.keys(answers).length);
    expect(answers.page.text).toContain(`nonce="${nonceOf(answers.page)}"`);
  });

  it('S-26: errors are bare JSON envelopes without stack traces (bad JSON, wrong type, invalid field, unknown route)', async () => {
    const client = await signedIn(users.member);
    const json = { 'content-type': 'application/json' };
    const malformed = await client.request('PATCH', ME, { rawBody: '{"preferences":', headers: json });
    expectEnvelope(malformed, 400, 'BAD_REQUEST');
    const wrongType = await client.request('PATCH', ME, {
      rawBody: 'preferences=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectEnvelope(wrongType, 400, 'BAD_REQUEST');
    const invalid = await client.patch(ME, { preferences: { darkMode: 'yes' } });
    expectEnvelope(invalid, 400, 'VALIDATION_ERROR');
    expect(Object.keys(invalid.json.error.details.fieldErrors)).toEqual(['preferences.darkMode']);
    for (const unknown of ['/api/v1/no-such-route', '/api/v1/assets/x/no-such-child']) {
      expectEnvelope(await client.get(unknown), 404, 'NOT_FOUND');
      expectEnvelope(await client.post(unknown, {}), 404, 'NOT_FOUND');
    }
    expectEnvelope(await new HttpClient().get(ME), 401, 'UNAUTHORIZED');
  });

  it('S-27: a JSON body over 1 MB is 413 PAYLOAD_TOO_LARGE, whether its length is declared or streamed', async () => {
    const client = await signedIn(users.member);
    const oversized = { preferences: { darkMode: true }, padding: 'x'.repeat(1024 * 1024) };
    expectEnvelope(await client.patch(ME, oversized), 413, 'PAYLOAD_TOO_LARGE');
    const bytes = new TextEncoder().encode(JSON.stringify(oversized));
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
          controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await client.request('PATCH', ME, {
      rawBody: streamed,
      headers: { 'content-type': 'application/json' },
    });
    expectEnvelope(chunked, 413, 'PAYLOAD_TOO_LARGE');
    // The same route takes an ordinary body.
    const fits = await client.patch(ME, { preferences: { darkMode: true } });
    expect(fits.status).toBe(200);
  });
});

describe('CORS (S-20) and token expiry (S-29)', () => {
  beforeAll(startKeyedServer, 90_000);
  afterAll(stopKeyedServer);

  const origin = (value: string) => ({ origin: value });
  const preflight = (client: HttpClient, from: string, method: string) =>
    client.request('OPTIONS', ME, { headers: { ...origin(from), 'access-control-request-method': method } });
  const corsHeaders = (result: HttpResult) =>
    [...result.headers.keys()].filter((name) => name.startsWith('access-control-'));

  it('S-20: a foreign Origin gets no CORS headers, and its preflight and writes are refused 403', async () => {
    const client = await signedIn(users.admin);
    const attacker = 'https://attacker.example.test';
    const foreign = origin(attacker);
    const read = await client.get(ME, foreign);
    expect(read.status).toBe(200);
    expect(corsHeaders(read)).toEqual([]);
    const refused = await preflight(client, attacker, 'PATCH');
    expectEnvelope(refused, 403, 'FORBIDDEN');
    expect(corsHeaders(refused)).toEqual([]);
    // Even with a valid session and CSRF token, a write from a foreign origin never reaches the route.
    const write = await client.request('PATCH', ME, {
      body: { preferences: { darkMode: true } },
      headers: foreign,
    });
    expectEnvelope(write, 403, 'FORBIDDEN');
    expect(write.json.error.message).toBe('Origin not allowed');
    // The app's own origin needs no CORS headers and is served.
    const own = await client.get(ME, origin(e2e().baseUrl));
    expect(own.status).toBe(200);
    expect(corsHeaders(own)).toEqual([]);
  });

  it("S-20: an allow-listed Origin is echoed with credentials, never '*'; a '*' in the list widens nothing", async () => {
    const client = new HttpClient(undefined, keyed.baseUrl);
    const allowed = await preflight(client, ALLOWED_ORIGIN, 'PATCH');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/X-CSRF-Token/i);
    await signIn(client, users.admin);
    const read = await client.get(ME, origin(ALLOWED_ORIGIN));
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(read.headers.get('access-control-allow-credentials')).toBe('true');
    expect(read.headers.get('vary')).toMatch(/Origin/);
    expect(read.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining/i);
    const other = await preflight(client, 'https://other.example.test', 'GET');
    expectEnvelope(other, 403, 'FORBIDDEN');
    expect(corsHeaders(other)).toEqual([]);
  });

  it("S-29: an expired access token signed with the server's own key is 401, the same claims in date are accepted", async () => {
    const client = new HttpClient(undefined, keyed.baseUrl);
    await signIn(client, users.member);
    const claims = decodeJwt(client.cookie(ACCESS)!);
    const now = Math.floor(Date.now() / 1000);
    // Past the 30-second clock tolerance.
    client.setCookie(ACCESS, await signHs256({ ...claims, iat: now - 960, exp: now - 60 }, keyed.jwtSecret));
    expectEnvelope(await client.get(ME), 401, 'UNAUTHORIZED');
    client.setCookie(ACCESS, await signHs256({ ...claims, iat: now - 10, exp: now + 600 }, keyed.jwtSecret));
    expect((await client.get(ME)).status).toBe(200);
  });

  it('S-13: with no proxy trusted, a client-sent X-Forwarded-For buys no fresh login budget', async () => {
    const email = `spoofer-${randomBytes(4).toString('hex')}@security.test`;
    // Every attempt claims a new address (each client sends its own X-Forwarded-For), all from one connection address.
    const attempt = () => failedLogin(new HttpClient(undefined, keyed.baseUrl), email);
    for (let n = 1; n <= 5; n += 1) expect((await attempt()).status, `attempt ${n}`).toBe(401);
    const limited = await attempt();
    expectEnvelope(limited, 429, 'RATE_LIMITED');
    // The address limit, not a lockout: no account has this email.
    expect(limited.json.error.details.reason).toBeUndefined();
  });
});

describe('cookies, CSRF and tokens', () => {
  it('S-19: login sets httpOnly, Secure, SameSite=Strict host-only cookies, the refresh cookie only for its route; no token in the body', async () => {
    const client = new HttpClient();
    const login = await signIn(client, users.member);
    const access = setCookieOf(login, ACCESS);
    const refresh = setCookieOf(login, REFRESH);
    for (const cookie of [access, refresh]) {
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/Domain=/i);
    }
    expect(access).toMatch(/; Path=\/;/);
    expect(access).toMatch(/Max-Age=900/);
    expect(refresh).toMatch(/; Path=\/api\/v1\/auth\/refresh;/);
    expect(login.text).not.toContain(client.cookie(ACCESS)!);
    expect(login.text).not.toContain(client.cookie(REFRESH)!);
    expect(login.text).not.toMatch(/eyJ/);
    expect(login.json.data.user.id).toBe(users.member.id);
    // The double-submit token is the one cookie the page's script may read.
    const csrf = setCookieOf(await new HttpClient().get('/api/health'), 'csrf_token');
    expect(csrf).toMatch(/SameSite=strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('S-25: a write without the double-submit token or with a forged one is 403 csrf; with the token it succeeds', async () => {
    const client = await signedIn(users.member);
    const body = { preferences: { darkMode: true } };
    const missing = await client.request('PATCH', ME, { body, csrf: false });
    expectEnvelope(missing, 403, 'FORBIDDEN');
    expect(missing.json.error.details).toEqual({ reason: 'csrf' });
    const forged = await client.request('PATCH', ME, {
      body,
      csrf: false,
      headers: { 'x-csrf-token': 'forged'.padEnd(32, '-') },
    });
    expect(forged.json.error.details).toEqual({ reason: 'csrf' });
    const withToken = await client.patch(ME, body);
    expect(withToken.status).toBe(200);
  });

  it('S-29: an access cookie with alg none, a foreign key or modified claims is 401', async () => {
    const client = await signedIn(users.member);
    const good = client.cookie(ACCESS)!;
    const [header, , signature] = good.split('.');
    const claims = decodeJwt(good);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = {
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'super_admin' })}.`,
      foreignKey: await signHs256(claims, randomBytes(32).toString('hex')),
      modifiedRole: `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`,
      modifiedOrg: `${header}.${b64({ ...claims, org_id: users.admin.orgId.replace(/^./, (c) => (c === '0' ? '1' : '0')) })}.${signature}`,
      modifiedExpiry: `${header}.${b64({ ...claims, exp: Number(claims.exp) + 86_400 })}.${signature}`,
    };
    for (const [name, token] of Object.entries(forged)) {
      client.setCookie(ACCESS, token);
      const result = await client.get(ME);
      expect(result.status, name).toBe(401);
      expect(result.json.error.code, name).toBe('UNAUTHORIZED');
    }
    client.setCookie(ACCESS, good);
    expect((await client.get(ME)).status).toBe(200);
  });

  it('S-02: refresh rotates both cookies; replaying the rotated refresh token ends every session of that user', async () => {
    const [first, second] = [await signedIn(users.replayed), await signedIn(users.replayed)];
    const stolen = first.cookie(REFRESH)!;
    const rotated = await first.post('/api/v1/auth/refresh');
    expect(rotated.status).toBe(200);
    expect(first.cookie(REFRESH)).not.toBe(stolen);
    // A new access cookie is issued too (within the same second its bytes may equal the old one's).
    expect(setCookieOf(rotated, ACCESS)).toMatch(/Max-Age=900/);
    expect((await first.get(ME)).status).toBe(200);

    const attacker = new HttpClient();
    attacker.setCookie(REFRESH, stolen, '/api/v1/auth/refresh');
    expectEnvelope(await attacker.post('/api/v1/auth/refresh'), 401, 'UNAUTHORIZED');
    for (const [name, victim] of Object.entries({ first, second })) {
      expect((await victim.get(ME)).status, `${name} access`).toBe(401);
      expect((await victim.post('/api/v1/auth/refresh')).status, `${name} refresh`).toBe(401);
    }
    // Other users keep their sessions.
    expect((await (await signedIn(users.member)).get(ME)).status).toBe(200);
  });

  it('S-11: client-sent x-user-*, x-org-*, x-tenant-* and x-share-* headers change neither the identity, the tenant nor the role', async () => {
    const { chainExamples } = e2e();
    const forged = {
      'x-user-id': users.admin.id,
      'x-user-role': 'super_admin',
      'x-user-email': chainExamples.email,
      'x-org-id': chainExamples.orgId,
      'x-tenant-id': chainExamples.orgId,
      'x-share-scope': 'share:read',
    };
    const member = await signedIn(users.member);
    const me = await member.get(ME, forged);
    expect(me.status).toBe(200);
    expect(me.json.data.user).toMatchObject({ id: users.member.id, role: 'member' });
    expect(me.json.data.organization.id).toBe(orgId);
    expectEnvelope(
      await member.get(`/api/v1/organizations/${chainExamples.orgId}`, forged),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(await member.get('/api/v1/admin/organizations', forged), 403, 'FORBIDDEN');
    expectEnvelope(await member.get(`/api/v1/organizations/${orgId}/users`, forged), 403, 'FORBIDDEN');
    expectEnvelope(await new HttpClient().get(ME, forged), 401, 'UNAUTHORIZED');
  });
});

describe('rate limits and lockout', () => {
  const limitHeaders = (result: HttpResult) => ({
    limit: Number(result.headers.get('x-ratelimit-limit')),
    remaining: Number(result.headers.get('x-ratelimit-remaining')),
    reset: Number(result.headers.get('x-ratelimit-reset')),
  });

  it("S-13: API answers carry X-RateLimit-Limit/Remaining/Reset of the caller's bucket (admin 300, anonymous 60)", async () => {
    const admin = await signedIn(users.admin);
    const [first, second] = [limitHeaders(await admin.get(ME)), limitHeaders(await admin.get(ME))];
    expect(first.limit).toBe(300);
    expect(second.remaining).toBe(first.remaining - 1);
    const now = Date.now() / 1000;
    expect(second.reset).toBeGreaterThan(now);
    expect(second.reset).toBeLessThanOrEqual(now + 61);
    const anonymous = new HttpClient();
    const refused = await anonymous.get(ME);
    expect(refused.status).toBe(401);
    expect(limitHeaders(refused)).toMatchObject({ limit: 60, remaining: 59 });
    expect(limitHeaders(await anonymous.get(ME)).remaining).toBe(58);
  });

  it('S-13: login allows exactly 5 attempts per minute per address and email; the 6th is 429 with Retry-After', async () => {
    const client = new HttpClient();
    const email = `nobody-${randomBytes(4).toString('hex')}@security.test`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const result = await failedLogin(client, email);
      expect(result.status, `attempt ${attempt}`).toBe(401);
      expect(limitHeaders(result)).toMatchObject({ limit: 5, remaining: 5 - attempt });
    }
    const limited = await failedLogin(client, email);
    expectEnvelope(limited, 429, 'RATE_LIMITED');
    expect(limited.json.error.details.reason).toBeUndefined();
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json.error.details.retryAfter).toBe(retryAfter);
    // The bucket is the address and email together: another email from the same address is still answered.
    expect((await failedLogin(client, `other-${email}`)).status).toBe(401);
  });

  it('S-15: five failed logins lock the account for one minute, even with the right password from another address', async () => {
    const { email, password } = users.locked;
    // A new address per attempt, so the per-address login limit never answers before the lockout does.
    for (let failure = 1; failure <= 5; failure += 1)
      expect((await failedLogin(new HttpClient(), email)).status, `failure ${failure}`).toBe(401);
    const locked = await new HttpClient().post('/api/v1/auth/login', { email, password });
    expectEnvelope(locked, 429, 'RATE_LIMITED');
    expect(locked.json.error.details.reason).toBe('locked_out');
    const retryAfter = Number(locked.headers.get('retry-after'));
    // One minute, counted from the fifth failure a moment ago.
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(locked.json.error.details.retryAfter).toBe(retryAfter);
    expect(setCookieOf(locked, ACCESS)).toBe('');
  });
});
