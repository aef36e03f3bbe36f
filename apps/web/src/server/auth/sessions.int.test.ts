import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '@patentrack/shared';
import { hash } from '@node-rs/bcrypt';
import { apiRoute } from '../http/api-route';
import {
  ApiTestClient,
  seedSuperAdmin,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { COOKIE } from './config';
import { OutboxMailTransport } from './mail';
import { base32Decode, totp } from './totp';
import { randomUUID } from 'node:crypto';
import { withTenant } from '@patentrack/db';
import { serverDeps } from '../http/deps';
import { createInvitation } from './invitations';

vi.mock('server-only', () => ({}));

let env: WebTestEnvironment;
let org: SeededTenant;
let outbox: OutboxMailTransport;
const client = () => new ApiTestClient(env.routes);

beforeAll(async () => {
  env = await setupWebTestEnvironment('sessions');
  org = await seedTenant(env.admin, 'a', await hash(TEST_PASSWORD, 12));
  outbox = new OutboxMailTransport(env.outboxDir);
});
afterAll(() => env.teardown());

function setCookie(headers: Headers, name: string): string {
  const found = headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no Set-Cookie for ${name}`);
  return found;
}

describe('login and cookies', () => {
  it('S-19: tokens only in httpOnly, SameSite=Strict, host-only cookies; nothing in the body', async () => {
    const c = client();
    const result = await signIn(c, org.member.email);
    expect(result.json.data.user).toMatchObject({ id: org.member.id, role: 'member', orgId: org.orgId });
    expect(JSON.stringify(result.json)).not.toMatch(/eyJ/);
    const access = setCookie(result.headers, COOKIE.access);
    const refresh = setCookie(result.headers, COOKIE.refresh);
    for (const cookie of [access, refresh]) {
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Domain=/i);
    }
    expect(access).toMatch(/Max-Age=900/);
    expect(refresh).toMatch(/Path=\/api\/v1\/auth\/refresh/);
    expect(refresh).toMatch(/Max-Age=604800/);
    const fresh = await client().get('/api/v1/me');
    expect(setCookie(fresh.headers, COOKIE.csrf)).toMatch(/SameSite=Strict/);
    expect(setCookie(fresh.headers, COOKIE.csrf)).not.toMatch(/HttpOnly/);
  });

  it('gives one generic answer for an unknown email and a wrong password', async () => {
    const unknown = await client().post('/api/v1/auth/login', {
      email: 'nobody@example.test',
      password: TEST_PASSWORD,
    });
    const wrong = await client().post('/api/v1/auth/login', {
      email: org.otherMember.email,
      password: 'Wrong-Horse-9x',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.json.error).toEqual({ ...wrong.json.error, requestId: unknown.json.error.requestId });
    await env.redis.del(`${env.redisPrefix}:auth:login-failures:${org.otherMember.email}`);
  });

  it('S-25: a write without the double-submit CSRF token is refused', async () => {
    const c = client();
    await signIn(c, org.member.email);
    const missing = await c.request('PATCH', '/api/v1/me', { body: { name: 'X' }, csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.json.error.details).toEqual({ reason: 'csrf' });
    const mismatched = await c.request('PATCH', '/api/v1/me', {
      body: { name: 'X' },
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(mismatched.status).toBe(403);
    expect((await c.patch('/api/v1/me', { name: 'Member A' })).status).toBe(200);
  });

  it('token tampering: alg none, wrong key, expired and modified claims all get 401', async () => {
    const c = client();
    await signIn(c, org.member.email);
    const good = c.cookies.get(COOKIE.access)!.value;
    const [header, payload, signature] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const sign = (body: object, key: string) =>
      new SignJWT(body as Record<string, unknown>)
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(key));
    const forged = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'super_admin' })}.`,
      await sign(claims, 'an-attacker-chosen-secret-of-32-chars!!'),
      await sign({ ...claims, iat: claims.iat - 3600, exp: claims.exp - 3600 }, process.env.JWT_SECRET!),
      `${header}.${b64({ ...claims, org_id: `${org.orgId.startsWith('0') ? '1' : '0'}${org.orgId.slice(1)}` })}.${signature}`,
    ];
    for (const token of forged) {
      c.cookies.set(COOKIE.access, { value: token, path: '/' });
      const result = await c.get('/api/v1/me');
      expect(result.status).toBe(401);
      expect(result.json.error.code).toBe('UNAUTHORIZED');
    }
    c.cookies.set(COOKIE.access, { value: good, path: '/' });
    expect((await c.get('/api/v1/me')).status).toBe(200);
  });

  it('logout revokes the session: its access token stops working and the cookies are cleared', async () => {
    const c = client();
    await signIn(c, org.member.email);
    const access = c.cookies.get(COOKIE.access)!.value;
    const logout = await c.post('/api/v1/auth/logout');
    expect(logout.status).toBe(200);
    expect(c.cookies.has(COOKIE.access)).toBe(false);
    expect(c.cookies.has(COOKIE.refresh)).toBe(false);
    c.cookies.set(COOKIE.access, { value: access, path: '/' });
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('S-29: refresh rotates both tokens; the refresh cookie is only sent to the refresh route', async () => {
    const c = client();
    await signIn(c, org.member.email);
    expect(c.cookieHeader('/api/v1/me')).not.toContain(COOKIE.refresh);
    const before = c.cookies.get(COOKIE.refresh)!.value;
    expect(Buffer.from(before, 'base64url')).toHaveLength(32);
    const refreshed = await c.post('/api/v1/auth/refresh');
    expect(refreshed.status).toBe(200);
    expect(Date.parse(refreshed.json.data.expiresAt)).toBeGreaterThan(Date.now());
    expect(c.cookies.get(COOKIE.refresh)!.value).not.toBe(before);
    expect((await c.get('/api/v1/me')).status).toBe(200);
  });

  it('S-02: only the hash is stored, and replaying a rotated refresh token revokes every session of the user', async () => {
    const first = client();
    const second = client();
    await signIn(first, org.admin.email);
    await signIn(second, org.admin.email);
    const stolen = first.cookies.get(COOKIE.refresh)!.value;
    expect(await env.redis.keys(`${env.redisPrefix}:*${stolen}*`)).toEqual([]);
    expect((await first.post('/api/v1/auth/refresh')).status).toBe(200);

    const attacker = client();
    attacker.cookies.set(COOKIE.refresh, { value: stolen, path: '/api/v1/auth/refresh' });
    const replay = await attacker.post('/api/v1/auth/refresh');
    expect(replay.status).toBe(401);
    expect((await first.get('/api/v1/me')).status).toBe(401);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await first.post('/api/v1/auth/refresh')).status).toBe(401);
    expect((await second.post('/api/v1/auth/refresh')).status).toBe(401);
  });
});

describe('lockout and rate limits', () => {
  /** One attempt from a fresh IP, so the per-IP+email limit never interferes with counting lockout tiers. */
  const attempt = (email: string, password: string) =>
    client().post('/api/v1/auth/login', { email, password });
  const lockKey = (email: string) => `${env.redisPrefix}:auth:login-lock:${email}`;

  it('S-15: 5 failures lock for 1 min, 10 for 15 min, 20 until an admin unlocks', async () => {
    const email = org.otherMember.email;
    for (let i = 1; i <= 4; i += 1) expect((await attempt(email, 'Wrong-Horse-9x')).status).toBe(401);
    expect(await env.redis.ttl(lockKey(email))).toBe(-2);
    expect((await attempt(email, 'Wrong-Horse-9x')).status).toBe(401);
    const locked = await attempt(email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.error.details.reason).toBe('locked_out');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(55);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    // Expiry of each temporary lock is simulated by deleting its key (no waiting on the clock).
    for (let failures = 6; failures <= 10; failures += 1) {
      await env.redis.del(lockKey(email));
      expect((await attempt(email, 'Wrong-Horse-9x')).status).toBe(401);
    }
    expect(await env.redis.ttl(lockKey(email))).toBeGreaterThan(60);
    expect(await env.redis.ttl(lockKey(email))).toBeLessThanOrEqual(900);

    for (let failures = 11; failures <= 20; failures += 1) {
      await env.redis.del(lockKey(email));
      expect((await attempt(email, 'Wrong-Horse-9x')).status).toBe(401);
    }
    await env.redis.del(lockKey(email));
    const adminLocked = await attempt(email, TEST_PASSWORD);
    expect(adminLocked.status).toBe(403);
    expect(adminLocked.json.error.details.reason).toBe('account_locked');
    const { rows } = await env.admin.query(`select status from users where id = $1`, [org.otherMember.id]);
    expect(rows[0].status).toBe('locked');
  });

  it('S-13: login is limited to 5 per minute per IP and email, with headers and a 429 envelope', async () => {
    const c = client();
    const email = `ratelimit-${Date.now()}@example.test`;
    for (let i = 1; i <= 5; i += 1) {
      const result = await c.post('/api/v1/auth/login', { email, password: 'whatever' });
      expect(result.status).toBe(401);
      expect(result.headers.get('x-ratelimit-limit')).toBe('5');
      expect(result.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
    }
    const limited = await c.post('/api/v1/auth/login', { email, password: 'whatever' });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    expect(limited.json.error.details.retryAfter).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).toBe(String(limited.json.error.details.retryAfter));
    expect(limited.json.error.details.reason).toBeUndefined();
    // From another IP the address-bound limit does not apply, but the per-email lockout (5 failures) does.
    const otherIp = await client().post('/api/v1/auth/login', { email, password: 'whatever' });
    expect(otherIp.status).toBe(429);
    expect(otherIp.json.error.details.reason).toBe('locked_out');
  });

  it('S-13: a member gets 100 API requests per minute, the 101st is refused', async () => {
    const memberLimitKey = `${env.redisPrefix}:auth:rl:role:member:${org.member.id}`;
    await env.redis.del(memberLimitKey);
    const c = client();
    await signIn(c, org.member.email);
    let last = await c.get('/api/v1/me');
    for (let i = 2; i <= 100; i += 1) last = await c.get('/api/v1/me');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-ratelimit-limit')).toBe('100');
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const refused = await c.get('/api/v1/me');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    await env.redis.del(memberLimitKey);
  });
});

describe('registration, verification and password reset', () => {
  it('registers a provisioning organization whose admin must verify the 8-character code first (S-24)', async () => {
    const email = `new-${Date.now()}@example.test`;
    const weak = await client().post('/api/v1/auth/register', {
      email,
      password: 'short1A',
      name: 'New User',
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.details.fieldErrors.password).toContain('At least 12 characters');

    const created = await client().post('/api/v1/auth/register', {
      email,
      password: TEST_PASSWORD,
      name: 'New User',
      organizationName: `Holdings ${Date.now()}`,
    });
    expect(created.status).toBe(201);
    expect(created.json.data.verificationRequired).toBe(true);
    const { rows } = await env.admin.query(
      `select o.status, u.role, u.status as user_status from users u join organizations o on o.id = u.organization_id where u.id = $1`,
      [created.json.data.userId],
    );
    expect(rows[0]).toEqual({ status: 'provisioning', role: 'admin', user_status: 'pending' });
    expect(
      (await client().post('/api/v1/auth/login', { email, password: TEST_PASSWORD })).json.error.details
        .reason,
    ).toBe('email_not_verified');

    const [mail] = await outbox.messagesTo(email);
    const code = mail!.data.code!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const stored = await env.admin.query(`select token_hash from user_tokens where user_id = $1`, [
      created.json.data.userId,
    ]);
    expect(stored.rows[0].token_hash).not.toContain(code);

    const c = client();
    for (let i = 0; i < 5; i += 1)
      expect((await c.post('/api/v1/auth/verify-email', { email, code: 'ZZZZZZZZ' })).status).toBe(401);
    expect((await c.post('/api/v1/auth/verify-email', { email, code })).status).toBe(401);

    await client().post('/api/v1/auth/verify-email/resend', { email });
    const fresh = (await outbox.messagesTo(email)).at(-1)!.data.code!;
    expect((await c.post('/api/v1/auth/verify-email', { email, code: fresh })).json).toEqual({
      data: { verified: true },
    });
    expect((await c.post('/api/v1/auth/verify-email', { email, code: fresh })).status).toBe(401);
    expect((await signIn(client(), email)).status).toBe(200);
  });

  it('password reset: neutral reply, single-use token stored hashed, all sessions revoked', async () => {
    const unknown = await client().post('/api/v1/auth/forgot-password', { email: 'nobody@example.test' });
    const known = await client().post('/api/v1/auth/forgot-password', { email: org.admin.email });
    expect(unknown.json).toEqual(known.json);
    const session = client();
    await signIn(session, org.admin.email);

    const token = (await outbox.messagesTo(org.admin.email)).at(-1)!.data.token!;
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    const newPassword = 'Battery-Staple-42x';
    expect(
      (await client().post('/api/v1/auth/reset-password', { token, password: newPassword })).status,
    ).toBe(200);
    expect(
      (await client().post('/api/v1/auth/reset-password', { token, password: newPassword })).status,
    ).toBe(401);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    await signIn(client(), org.admin.email, newPassword);
    await env.admin.query(
      `update users set password_hash = (select password_hash from users where id = $2) where id = $1`,
      [org.admin.id, org.member.id],
    );
  });

  it('S-23: a legacy cost-8 hash verifies and is re-hashed at cost 12 on login', async () => {
    const legacy = (await hash(TEST_PASSWORD, 8)).replace(/^\$2b\$/, '$2y$');
    await env.admin.query(`update users set password_hash = $2 where id = $1`, [org.otherMember.id, legacy]);
    await env.admin.query(`update users set status = 'active' where id = $1`, [org.otherMember.id]);
    await env.redis.del(
      `${env.redisPrefix}:auth:login-failures:${org.otherMember.email}`,
      `${env.redisPrefix}:auth:login-lock:${org.otherMember.email}`,
    );
    await signIn(client(), org.otherMember.email);
    const { rows } = await env.admin.query(`select password_hash from users where id = $1`, [
      org.otherMember.id,
    ]);
    expect(rows[0].password_hash).toMatch(/^\$2b\$12\$/);
  });

  it('changing the password needs the current one and ends other sessions', async () => {
    const c = client();
    const other = client();
    await signIn(c, org.member.email);
    await signIn(other, org.member.email);
    const wrong = await c.post('/api/v1/me/password', {
      currentPassword: 'nope',
      newPassword: 'Battery-Staple-42x',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details.fieldErrors.currentPassword).toBeDefined();
    expect(
      (
        await c.post('/api/v1/me/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Battery-Staple-42x',
        })
      ).status,
    ).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect(
      (
        await c.post('/api/v1/me/password', {
          currentPassword: 'Battery-Staple-42x',
          newPassword: TEST_PASSWORD,
        })
      ).status,
    ).toBe(200);
  });
});

describe('invitations', () => {
  it('an invitee sets a password with a single-use 7-day token and is signed in; an expired one is refused', async () => {
    const invite = async (email: string) => {
      const userId = randomUUID();
      await env.admin.query(
        `insert into users (id, organization_id, email, role, status) values ($1, $2, $3, 'member', 'pending')`,
        [userId, org.orgId, email],
      );
      const context = {
        orgId: org.orgId,
        userId: org.admin.id,
        role: 'admin' as const,
        scope: 'user' as const,
        shareLinkId: null,
      };
      const mail = await withTenant(serverDeps().db, context, (tx) =>
        createInvitation(tx, { userId, organizationId: org.orgId, email }, 'http://localhost:3000'),
      );
      return { userId, token: mail.data.token };
    };
    const { userId, token } = await invite(`invitee-${Date.now()}@example.test`);
    const { rows } = await env.admin.query(
      `select expires_at from user_tokens where user_id = $1 and purpose = 'invite'`,
      [userId],
    );
    expect((Date.parse(rows[0].expires_at) - Date.now()) / 86_400_000).toBeGreaterThan(6.9);
    const c = client();
    const accepted = await c.post('/api/v1/auth/accept-invite', {
      token,
      name: 'Ivy Invitee',
      password: TEST_PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.data.user).toMatchObject({ id: userId, name: 'Ivy Invitee', role: 'member' });
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect(
      (await client().post('/api/v1/auth/accept-invite', { token, password: TEST_PASSWORD })).status,
    ).toBe(401);

    const late = await invite(`late-${Date.now()}@example.test`);
    await env.admin.query(
      `update user_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [late.userId],
    );
    expect(
      (await client().post('/api/v1/auth/accept-invite', { token: late.token, password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
  });
});

describe('multi-factor authentication', () => {
  it('S-28: TOTP enrolment, login challenge, replay refusal and single-use backup codes', async () => {
    const c = client();
    await signIn(c, org.admin.email);
    const setup = await c.post('/api/v1/auth/mfa/setup');
    expect(setup.status).toBe(200);
    const { secret, qrCodeUrl, backupCodes } = setup.json.data;
    expect(qrCodeUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(backupCodes).toHaveLength(10);
    const { rows } = await env.admin.query(
      `select mfa_secret_encrypted, mfa_enabled from users where id = $1`,
      [org.admin.id],
    );
    expect(rows[0].mfa_secret_encrypted).not.toContain(secret);
    expect(rows[0].mfa_enabled).toBe(false);

    const code = totp(base32Decode(secret), Math.floor(Date.now() / 1000));
    const enrolled = await c.post('/api/v1/auth/mfa/verify', { code, isBackupCode: false });
    expect(enrolled.status).toBe(200);
    expect(enrolled.json.data.user.mfaEnabled).toBe(true);

    const login = await client().post('/api/v1/auth/login', {
      email: org.admin.email,
      password: TEST_PASSWORD,
    });
    expect(login.json.data.mfaRequired).toBe(true);
    expect(login.headers.getSetCookie().some((h) => h.startsWith(`${COOKIE.access}=`))).toBe(false);
    const mfaToken = login.json.data.mfaToken;

    const second = client();
    const replayed = await second.post('/api/v1/auth/mfa/verify', { mfaToken, code, isBackupCode: false });
    expect(replayed.status).toBe(401);
    const withBackup = await second.post('/api/v1/auth/mfa/verify', {
      mfaToken,
      code: backupCodes[0],
      isBackupCode: true,
    });
    expect(withBackup.status).toBe(200);
    expect((await second.get('/api/v1/me')).status).toBe(200);
    const reused = await client().post('/api/v1/auth/mfa/verify', {
      mfaToken,
      code: backupCodes[0],
      isBackupCode: true,
    });
    expect(reused.status).toBe(401);
    await env.admin.query(`update users set mfa_enabled = false, mfa_secret_encrypted = null where id = $1`, [
      org.admin.id,
    ]);
    await env.redis.del(`${env.redisPrefix}:auth:login-failures:${org.admin.email}`);
  });

  it('S-28: a super admin without TOTP may only enrol', async () => {
    const superAdmin = await seedSuperAdmin(env.admin, await hash(TEST_PASSWORD, 12));
    const c = client();
    const login = await signIn(c, superAdmin.email);
    expect(login.json.data.mfaSetupRequired).toBe(true);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const blocked = await c.get('/api/v1/shares');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.details.reason).toBe('mfa_required');
    const { secret } = (await c.post('/api/v1/auth/mfa/setup')).json.data;
    await c.post('/api/v1/auth/mfa/verify', {
      code: totp(base32Decode(secret), Math.floor(Date.now() / 1000)),
      isBackupCode: false,
    });
    expect((await c.get('/api/v1/shares')).status).toBe(200);
  });
});

describe('the apiRoute wrapper', () => {
  const probe = apiRoute(
    { summary: 'test route', auth: 'public', body: z.object({ n: z.number() }) },
    async ({ body }) => {
      if (body.n === 0) throw new Error('database password is hunter2 at /srv/app.ts:12');
      if (body.n === 1) throw new AppError('CONFLICT', 'Already there');
      return { data: body };
    },
  );
  const call = (body: string, headers: Record<string, string> = {}) =>
    probe(
      new Request('http://localhost/api/v1/test', {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          cookie: 'csrf_token=t0ken',
          'x-csrf-token': 't0ken',
          'x-forwarded-for': '192.0.2.10',
          ...headers,
        },
      }),
    );

  it('S-26: an unexpected error answers a bare INTERNAL_ERROR with the request id, never the stack or message', async () => {
    const response = await call(JSON.stringify({ n: 0 }), { 'x-request-id': 'req-12345678' });
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({
      error: {
        code: 'INTERNAL_ERROR',
        message: 'An unexpected error occurred',
        requestId: 'req-12345678',
        details: { requestId: 'req-12345678' },
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|srv|at /);
  });

  it('maps typed errors and zod failures to the envelope and echoes or generates X-Request-ID', async () => {
    const conflict = await call(JSON.stringify({ n: 1 }), { 'x-request-id': 'req-abcdefgh' });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-request-id')).toBe('req-abcdefgh');
    const invalid = await call(JSON.stringify({ n: 'x' }), { 'x-request-id': 'bad id with spaces\n' });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details.fieldErrors.n).toHaveLength(1);
    expect(invalid.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const malformed = await call('{nope');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('BAD_REQUEST');
  });

  it('S-27: bodies over 1 MB are refused with 413', async () => {
    const response = await call(JSON.stringify({ n: 2, pad: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect((await call(JSON.stringify({ n: 2, pad: 'x'.repeat(1000) }))).status).toBe(200);
  });
});
