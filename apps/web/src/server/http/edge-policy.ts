/**
 * Request/response policy applied by `proxy.ts` before any route runs: security headers (CSP with a per-request
 * nonce), the CORS allow-list (S-20) and removal of internal identity headers a client might forge.
 * Pure functions of their inputs, so they are testable without a server.
 */

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Headers that name a caller; identity only ever comes from verified tokens, so clients may not send these. */
export function isInternalIdentityHeader(name: string): boolean {
  return /^x-(user|org|share|tenant)-/i.test(name) || name.toLowerCase() === 'x-nonce';
}

export function parseOriginAllowList(value: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const entry of (value ?? '').split(',')) {
    const trimmed = entry.trim();
    if (!trimmed || trimmed === '*') continue;
    try {
      origins.add(new URL(trimmed).origin);
    } catch {
      // An unparsable entry is ignored rather than widening the list.
    }
  }
  return origins;
}

export function contentSecurityPolicy(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(nonce: string, production: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, production),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

export const CORS_ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
export const CORS_ALLOWED_HEADERS = 'Content-Type, X-CSRF-Token, X-Request-ID, If-None-Match, Last-Event-ID';
export const CORS_EXPOSED_HEADERS =
  'X-Request-ID, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, ETag';

export type CorsDecision =
  | { kind: 'no-origin' }
  | { kind: 'same-origin' }
  | { kind: 'allowed'; headers: Record<string, string> }
  | { kind: 'refused' };

/**
 * CORS for one request: only allow-listed origins get CORS headers (with credentials, never `*`); the app's own
 * origin needs none. A refused origin gets no CORS headers, so the browser withholds the response.
 */
export function corsDecision(origin: string | null, ownOrigin: string, allowList: Set<string>): CorsDecision {
  if (!origin) return { kind: 'no-origin' };
  if (origin === ownOrigin) return { kind: 'same-origin' };
  if (!allowList.has(origin)) return { kind: 'refused' };
  return {
    kind: 'allowed',
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
      'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
      'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  };
}

export function acceptableRequestId(value: string | null): value is string {
  return value !== null && REQUEST_ID_PATTERN.test(value);
}
