import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from './proxy';
import { corsDecision, parseOriginAllowList, securityHeaders } from './server/http/edge-policy';

// The share-page check imports the connection module; these cases never reach a database.
vi.mock('server-only', () => ({}));

function call(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(
    new NextRequest(`http://app.local${path}`, { method: init.method ?? 'GET', headers: init.headers }),
  );
}

describe('proxy policy', () => {
  it('strips forged identity headers before any route sees them', async () => {
    const response = await call('/api/v1/me', {
      headers: {
        'x-user-id': 'attacker',
        'X-Org-Id': 'victim',
        'x-user-role': 'super_admin',
        accept: 'application/json',
      },
    });
    const forwarded = response.headers.get('x-middleware-override-headers') ?? '';
    expect(forwarded).not.toMatch(/x-user-|x-org-/);
    expect(forwarded).toContain('accept');
    expect(response.headers.get('x-middleware-request-x-user-id')).toBeNull();
  });

  it('sets CSP with frame-ancestors none, nosniff, Referrer-Policy, and HSTS only in production', async () => {
    const development = securityHeaders('n0nce', false);
    expect(development['Content-Security-Policy']).toMatch(/frame-ancestors 'none'/);
    expect(development['Content-Security-Policy']).toMatch(/'nonce-n0nce'/);
    expect(development['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('n0nce', true)['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    const response = await call('/');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toMatch(/object-src 'none'/);
  });

  it('echoes a valid X-Request-ID, replaces a bad one, and seeds a non-httpOnly SameSite=Strict CSRF cookie', async () => {
    expect(
      (await call('/api/v1/me', { headers: { 'x-request-id': 'abc-12345678' } })).headers.get('x-request-id'),
    ).toBe('abc-12345678');
    expect(
      (await call('/api/v1/me', { headers: { 'x-request-id': 'bad id' } })).headers.get('x-request-id'),
    ).toMatch(/^[0-9a-f-]{36}$/);
    const cookie = (await call('/')).headers.getSetCookie().find((c) => c.startsWith('csrf_token='))!;
    expect(cookie).toMatch(/SameSite=strict/i);
    expect(cookie).not.toMatch(/HttpOnly/i);
    expect((await call('/', { headers: { cookie: 'csrf_token=x' } })).headers.getSetCookie()).toEqual([]);
    const token = /^csrf_token=([^;]+)/.exec(cookie)![1]!;
    const firstVisit = await call('/api/v1/me', { headers: { cookie: 'theme=dark' } });
    const seeded = /^csrf_token=([^;]+)/.exec(firstVisit.headers.getSetCookie()[0]!)![1]!;
    expect(firstVisit.headers.get('x-middleware-request-cookie')).toBe(`theme=dark; csrf_token=${seeded}`);
    expect(token).not.toBe(seeded);
  });

  it('S-20: CORS only for allow-listed origins, with credentials and never "*"', async () => {
    const allow = parseOriginAllowList('https://admin.example.com, *, not a url');
    expect([...allow]).toEqual(['https://admin.example.com']);
    expect(corsDecision('https://evil.example', 'https://app.example.com', allow)).toEqual({
      kind: 'refused',
    });
    const allowed = corsDecision('https://admin.example.com', 'https://app.example.com', allow);
    expect(allowed.kind).toBe('allowed');
    if (allowed.kind === 'allowed') {
      expect(allowed.headers['Access-Control-Allow-Origin']).toBe('https://admin.example.com');
      expect(allowed.headers['Access-Control-Allow-Credentials']).toBe('true');
    }
    process.env.CORS_ALLOWED_ORIGINS = 'https://admin.example.com';
    const preflight = await call('/api/v1/shares', {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.example.com' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    const refused = await call('/api/v1/shares', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const read = await call('/api/v1/me', { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    delete process.env.CORS_ALLOWED_ORIGINS;
  });

  it('B6: a share page with a malformed code is marked unknown for its layout, with no database query', async () => {
    const response = await call('/shared/NOT-A-CODE', {
      headers: { 'x-share-link-verdict': '{"reason":"revoked"}' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-request-x-share-link-verdict')).toBe('{"reason":"not_found"}');
    const other = await call('/assets', { headers: { 'x-share-link-verdict': '{"reason":"revoked"}' } });
    expect(other.headers.get('x-middleware-request-x-share-link-verdict')).toBeNull();
  });
});
