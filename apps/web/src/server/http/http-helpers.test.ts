import { describe, expect, it } from 'vitest';
import { cacheControlOf, cache, etagOf, matchesIfNoneMatch } from './caching';
import { readCookies, serializeCookie } from './cookies';
import { clientIpOf, requestIdOf, UNKNOWN_IP } from './request-meta';
import { fillPath, pathParamNames, urlPathOf } from './route-table';

const withHeaders = (headers: Record<string, string>) => new Request('http://localhost/x', { headers });

describe('HTTP helpers', () => {
  it('derives URL paths from route files', () => {
    expect(urlPathOf('/app/api/v1/shares/[shareId]/access-log/route.ts', '/app')).toBe(
      '/api/v1/shares/:shareId/access-log',
    );
    expect(urlPathOf('/app/(group)/api/v1/docs/[...slug]/route.ts', '/app')).toBe('/api/v1/docs/:slug*');
    expect(pathParamNames('/api/v1/shared/:code/assets/:assetId/diagram')).toEqual(['code', 'assetId']);
    expect(fillPath('/api/v1/shares/:shareId', { shareId: 'a b' })).toBe('/api/v1/shares/a%20b');
    expect(() => fillPath('/api/v1/shares/:shareId', {})).toThrow(/shareId/);
  });

  it('cache classes of architecture §7.7 keep tenant data private', () => {
    expect(cacheControlOf(cache.noStore)).toBe('private, no-store');
    expect(cacheControlOf(cache.etag)).toBe('private, no-cache');
    expect(cacheControlOf(cache.privateFor(3600))).toBe('private, max-age=3600');
    expect(cacheControlOf(cache.reference(86400))).toBe('public, max-age=86400');
    const tag = etagOf('{"a":1}');
    expect(tag).toBe(etagOf('{"a":1}'));
    expect(tag).not.toBe(etagOf('{"a":2}'));
    expect(matchesIfNoneMatch(`W/${tag}, "other"`, tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });

  it('BR-047: the client IP is the peer the server appended, or the entry the trusted proxies appended before it', () => {
    // Client-sent 198.51.100.9, appended by two proxies: 203.0.113.7 then 10.0.0.5; the server appends its peer 10.0.0.2.
    const request = withHeaders({ 'x-forwarded-for': '198.51.100.9, 203.0.113.7, 10.0.0.5, 10.0.0.2' });
    expect(clientIpOf(request, 0)).toBe('10.0.0.2');
    expect(clientIpOf(request, 2)).toBe('203.0.113.7');
    // More hops configured than entries: the first entry, never an undefined one.
    expect(clientIpOf(withHeaders({ 'x-forwarded-for': '10.0.0.2' }), 1)).toBe('10.0.0.2');
    expect(clientIpOf(withHeaders({ 'x-forwarded-for': 'not-an-ip' }), 0)).toBe(UNKNOWN_IP);
    expect(clientIpOf(withHeaders({ 'x-forwarded-for': '::ffff:192.0.2.1' }), 0)).toBe('192.0.2.1');
  });

  it('request ids: plain client ids are echoed, anything else is replaced', () => {
    expect(requestIdOf(withHeaders({ 'x-request-id': 'trace-0001' }))).toBe('trace-0001');
    expect(requestIdOf(withHeaders({ 'x-request-id': 'bad id;drop' }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('cookies are SameSite=Strict and host-only; parsing tolerates junk', () => {
    expect(serializeCookie('a', 'b c', { secure: true, maxAgeSeconds: 5 })).toBe(
      'a=b%20c; Path=/; SameSite=Strict; Max-Age=5; HttpOnly; Secure',
    );
    const jar = readCookies(withHeaders({ cookie: 'a=1; bad; b=%E0%A4%A; a=2; c=x%20y' }));
    expect(Object.fromEntries(jar)).toEqual({ a: '1', c: 'x y' });
  });
});
