import { NextResponse, type NextRequest } from 'next/server';
import {
  acceptableRequestId,
  corsDecision,
  isInternalIdentityHeader,
  parseOriginAllowList,
  securityHeaders,
} from './server/http/edge-policy';
import { SHARE_VERDICT_HEADER, sharePageVerdict } from './server/auth/share-links/page-verdict';

const CSRF_COOKIE = 'csrf_token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function randomToken(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}

function refuse(status: number, code: string, message: string, requestId: string): NextResponse {
  return NextResponse.json(
    { error: { code, message, requestId } },
    { status, headers: { 'X-Request-ID': requestId, 'Cache-Control': 'no-store' } },
  );
}

/**
 * Runs before every page and API route: strips forged identity headers, enforces the CORS allow-list, sets the
 * security headers (CSP nonce, HSTS in production), propagates X-Request-ID, seeds the CSRF cookie and gives a
 * share page of a dead link its 410 (a page cannot set that status itself).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const production = process.env.NODE_ENV === 'production';
  const requestId = acceptableRequestId(request.headers.get('x-request-id'))
    ? request.headers.get('x-request-id')!
    : crypto.randomUUID();
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  const cors = corsDecision(
    request.headers.get('origin'),
    request.nextUrl.origin,
    parseOriginAllowList(process.env.CORS_ALLOWED_ORIGINS),
  );

  if (
    isApi &&
    cors.kind === 'refused' &&
    (request.method === 'OPTIONS' || !SAFE_METHODS.has(request.method))
  ) {
    return refuse(403, 'FORBIDDEN', 'Origin not allowed', requestId);
  }
  if (isApi && request.method === 'OPTIONS' && cors.kind === 'allowed') {
    return new NextResponse(null, { status: 204, headers: { ...cors.headers, 'X-Request-ID': requestId } });
  }

  const forwarded = new Headers();
  request.headers.forEach((value, name) => {
    if (!isInternalIdentityHeader(name)) forwarded.set(name, value);
  });
  // A first visit gets its CSRF token here; the route sees it too, so it does not issue a second one.
  const csrfToken = request.cookies.has(CSRF_COOKIE) ? null : randomToken(24);
  if (csrfToken)
    forwarded.set(
      'cookie',
      [request.headers.get('cookie'), `${CSRF_COOKIE}=${csrfToken}`].filter(Boolean).join('; '),
    );
  const nonce = randomToken(16);
  const headers = securityHeaders(nonce, production);
  forwarded.set('x-request-id', requestId);
  forwarded.set('x-nonce', nonce);
  // Next applies the nonce to its own scripts when it sees the policy on the request.
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']!);

  const shareVerdict = await sharePageVerdict(request);
  if (shareVerdict) forwarded.set(SHARE_VERDICT_HEADER, JSON.stringify(shareVerdict));
  // An unknown code gets its 404 from the page (notFound()); expired, revoked and used-up links are 410 (B6).
  const status = shareVerdict && shareVerdict.reason !== 'not_found' ? 410 : undefined;

  const response = NextResponse.next({ request: { headers: forwarded }, status });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (cors.kind === 'allowed')
    for (const [name, value] of Object.entries(cors.headers)) response.headers.set(name, value);
  response.headers.set('X-Request-ID', requestId);
  if (csrfToken)
    response.cookies.set(CSRF_COOKIE, csrfToken, {
      path: '/',
      sameSite: 'strict',
      secure: production,
      httpOnly: false,
    });
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
