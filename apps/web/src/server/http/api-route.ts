import 'server-only';
import { z } from 'zod';
import { AppError, toErrorEnvelope, type Logger, type UserRole } from '@patentrack/shared';
import { withTenant, type TenantContext, type Tx } from '@patentrack/db';
import { COOKIE, CSRF_HEADER } from '../auth/config';
import { grantFor, type Grant, type Permission } from '../auth/permissions';
import { consumeRateLimit, type RateLimitDecision, type RateLimitRule } from '../auth/rate-limit';
import { safeEqual, opaqueToken } from '../auth/secrets';
import { verifyAccessToken, verifyShareToken, type SharePermissions } from '../auth/tokens';
import { assertShareLinkUsable } from '../auth/share-status';
import { cache, cacheControlOf, etagOf, matchesIfNoneMatch, usesEtag, type CachePolicy } from './caching';
import { readCookies, serializeCookie } from './cookies';
import { redisReady, serverDeps, type ServerDeps } from './deps';
import { ApiReply } from './reply';
import { clientIpOf, requestIdOf } from './request-meta';

export type AuthMode = 'public' | 'user' | 'share';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  orgId: string;
  role: UserRole;
  sessionId: string;
  mfa: boolean;
  /** How far the route's permission reaches for this caller (`own` = only objects they created). */
  grant: Grant | null;
}

export interface SharePrincipal {
  kind: 'share';
  shareLinkId: string;
  code: string;
  orgId: string;
  assetIds: string[];
  permissions: SharePermissions;
}

type PrincipalFor<A extends AuthMode> = A extends 'user'
  ? UserPrincipal
  : A extends 'share'
    ? SharePrincipal
    : null;

/**
 * Route-specific limit replacing the role limit, e.g. 5/min per IP and email on login (product.md #1) or 10/h per
 * signed-in user on exports (#55).
 */
export interface RouteRateLimit extends RateLimitRule {
  key: 'ip' | 'ip+email' | 'user';
}

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;
type In<S> = S extends Schema ? z.input<S> : never;

export interface RouteSpec<
  A extends AuthMode,
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> {
  summary: string;
  auth: A;
  /** Required for every `user` route: the permission-matrix row the caller's role must hold. */
  permission?: A extends 'user' ? Permission : never;
  params?: P;
  query?: Q;
  body?: B;
  rateLimit?: RouteRateLimit;
  /** GET responses only; every other method is `no-store`. Default `no-store`. */
  cache?: CachePolicy;
  /** Lets a super admin who has not passed TOTP yet call this route (enrolment, logout, own profile). */
  allowWithoutMfa?: boolean;
  /** Request body cap in bytes (S-27): default 1 MB. */
  maxBodyBytes?: number;
  /**
   * A file upload instead of a JSON body (S-17): the handler parses `rawBody` itself; `form` documents the
   * multipart fields and is the schema the handler validates them with.
   */
  multipart?: { form: Schema };
  /** `not-found` answers a malformed path parameter with 404, e.g. a share code (BR-044). */
  invalidParams?: 'validation-error' | 'not-found';
  /** A valid input, used by the API docs and by the route-table probes (cross-tenant, share scope). */
  example?: { body?: In<B>; query?: Record<string, string> };
  /** The documented success answer (OpenAPI and contract tests): status (default 200), body schema, media type. */
  response?: { status?: number; schema?: Schema; contentType?: string };
}

export interface HandlerContext<A extends AuthMode, P, Q, B> {
  request: Request;
  requestId: string;
  log: Logger;
  ip: string;
  userAgent: string | null;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  /** The request body as received (capped by `maxBodyBytes`); empty for GET and HEAD. */
  rawBody: Buffer<ArrayBuffer>;
  principal: PrincipalFor<A>;
  /** Runs `fn` in one transaction with the caller's tenant context (RLS); the only way to tenant data. */
  tenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Adds a Set-Cookie header to the response. */
  setCookie(header: string): void;
  deps: ServerDeps;
}

export type RouteHandler<A extends AuthMode, P, Q, B> = (ctx: HandlerContext<A, P, Q, B>) => Promise<unknown>;

export interface NextRouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

export type ApiRouteFunction = ((request: Request, context?: NextRouteContext) => Promise<Response>) & {
  route: RouteSpec<AuthMode, Schema | undefined, Schema | undefined, Schema | undefined>;
};

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Per-minute limits of architecture §7.5 by role; share viewers per IP and code; anonymous callers per IP. */
export const ROLE_RATE_LIMITS: Record<UserRole | 'share' | 'anonymous', RateLimitRule> = {
  super_admin: { bucket: 'role:super_admin', limit: 1000, windowSeconds: 60 },
  admin: { bucket: 'role:admin', limit: 300, windowSeconds: 60 },
  member: { bucket: 'role:member', limit: 100, windowSeconds: 60 },
  share: { bucket: 'share', limit: 30, windowSeconds: 60 },
  anonymous: { bucket: 'anonymous', limit: 60, windowSeconds: 60 },
};

function fieldErrors(error: z.ZodError, prefix?: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '_';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

function parseWith<S extends Schema | undefined>(schema: S, input: unknown, prefix: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(fieldErrors(result.error, prefix));
  return result.data as Out<S>;
}

/** Reads the body, refusing more than `limit` bytes whatever Content-Length claims. */
async function readBody(request: Request, limit: number): Promise<Buffer<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`, { limit });
  if (declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function parseJsonBody(text: string, request: Request): unknown {
  if (text.trim() === '') return undefined;
  if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    throw new AppError('BAD_REQUEST', 'Request body must be application/json');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'Request body is not valid JSON');
  }
}

function rateLimitHeaders(decision: RateLimitDecision | undefined): Record<string, string> {
  if (!decision) return {};
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAt),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfter);
  return headers;
}

type Identity =
  | { kind: 'user'; claims: Awaited<ReturnType<typeof verifyAccessToken>> }
  | { kind: 'share'; claims: Awaited<ReturnType<typeof verifyShareToken>> }
  | { kind: 'anonymous'; failure?: AppError };

/** Signature and expiry checks only (no I/O), so the rate limit can key on the caller before anything else runs. */
async function identify(mode: AuthMode, cookies: Map<string, string>, deps: ServerDeps): Promise<Identity> {
  if (mode === 'public') return { kind: 'anonymous' };
  const name = mode === 'user' ? COOKIE.access : COOKIE.share;
  const token = cookies.get(name);
  if (!token) return { kind: 'anonymous', failure: new AppError('UNAUTHORIZED', 'Authentication required') };
  try {
    return mode === 'user'
      ? { kind: 'user', claims: await verifyAccessToken(token, deps.env.JWT_SECRET) }
      : { kind: 'share', claims: await verifyShareToken(token, deps.env.SHARE_TOKEN_SECRET) };
  } catch (error) {
    return {
      kind: 'anonymous',
      failure: error instanceof AppError ? error : new AppError('UNAUTHORIZED', 'Authentication required'),
    };
  }
}

function rateLimitSubject(
  identity: Identity,
  spec: RouteSpec<AuthMode, Schema | undefined, Schema | undefined, Schema | undefined>,
  ip: string,
  rawBody: unknown,
): { rule: RateLimitRule; subject: string } {
  if (spec.rateLimit?.key === 'user' && identity.kind === 'user')
    return { rule: spec.rateLimit, subject: identity.claims.userId };
  if (spec.rateLimit) {
    const email =
      spec.rateLimit.key === 'ip+email' && rawBody && typeof rawBody === 'object' && 'email' in rawBody
        ? String((rawBody as { email: unknown }).email).toLowerCase()
        : '';
    return { rule: spec.rateLimit, subject: spec.rateLimit.key === 'ip+email' ? `${ip}|${email}` : ip };
  }
  if (identity.kind === 'user')
    return { rule: ROLE_RATE_LIMITS[identity.claims.role], subject: identity.claims.userId };
  if (identity.kind === 'share')
    return { rule: ROLE_RATE_LIMITS.share, subject: `${ip}|${identity.claims.code}` };
  return { rule: ROLE_RATE_LIMITS.anonymous, subject: ip };
}

function tenantContextOf(principal: UserPrincipal | SharePrincipal | null, params: unknown): TenantContext {
  if (principal?.kind === 'user') {
    const requestedOrg = (params as { orgId?: unknown } | undefined)?.orgId;
    // A super admin works inside the org named in the path; everyone else only in their own.
    const orgId =
      principal.role === 'super_admin' && typeof requestedOrg === 'string' ? requestedOrg : principal.orgId;
    return { orgId, userId: principal.userId, role: principal.role, scope: 'user', shareLinkId: null };
  }
  if (principal?.kind === 'share') {
    return {
      orgId: principal.orgId,
      userId: null,
      role: null,
      scope: 'share:read',
      shareLinkId: principal.shareLinkId,
    };
  }
  return { orgId: null, userId: null, role: null, scope: 'user', shareLinkId: null };
}

/**
 * THE route-handler wrapper (engineering.md §9): request id, body limit, CSRF, authentication from verified tokens
 * only, rate limits, permission, zod parsing, tenant context, caching and the error envelope of §7.3.
 * The file location gives the method and path; `loadRouteTable()` lists every wrapped handler.
 */
export function apiRoute<
  A extends AuthMode,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<A, P, Q, B>, handler: RouteHandler<A, P, Q, B>): ApiRouteFunction {
  const routeSpec = spec as unknown as ApiRouteFunction['route'];
  const run = async (request: Request, context?: NextRouteContext): Promise<Response> => {
    const started = performance.now();
    const deps = serverDeps();
    const requestId = requestIdOf(request);
    const log = deps.log.child({ requestId });
    const method = request.method.toUpperCase();
    const path = new URL(request.url).pathname;
    const ip = clientIpOf(request, deps.env.TRUSTED_PROXY_HOPS);
    const cookies = readCookies(request);
    const setCookies: string[] = [];
    let decision: RateLimitDecision | undefined;
    let response: Response;

    try {
      await redisReady(deps.redis);
      const identity = await identify(spec.auth, cookies, deps);
      // Input problems are raised only after the rate limit has counted the request, so every answer carries its headers.
      let rawBody: unknown;
      let bodyBytes: Buffer<ArrayBuffer> = Buffer.alloc(0);
      let inputError: unknown;
      try {
        if (!SAFE_METHODS.has(method)) {
          bodyBytes = await readBody(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
          if (!spec.multipart) rawBody = parseJsonBody(bodyBytes.toString('utf8'), request);
        }
      } catch (error) {
        inputError = error;
      }
      const { rule, subject } = rateLimitSubject(identity, routeSpec, ip, rawBody);
      decision = await consumeRateLimit(deps.redis, deps.keys.rateLimit(rule.bucket, subject), rule);
      if (!decision.allowed) {
        throw new AppError(
          'RATE_LIMITED',
          `Rate limit exceeded. Try again in ${decision.retryAfter} seconds.`,
          {
            retryAfter: decision.retryAfter,
            limit: decision.limit,
            resetAt: new Date(decision.resetAt * 1000).toISOString(),
          },
        );
      }
      if (!SAFE_METHODS.has(method)) {
        const cookieToken = cookies.get(COOKIE.csrf);
        const headerToken = request.headers.get(CSRF_HEADER);
        if (!cookieToken || !headerToken || !safeEqual(cookieToken, headerToken)) {
          throw new AppError('FORBIDDEN', 'Missing or invalid CSRF token', { reason: 'csrf' });
        }
      }
      if (inputError) throw inputError;
      if (identity.kind === 'anonymous' && identity.failure) throw identity.failure;

      const rawParams = (await context?.params) ?? {};
      let params: Out<P>;
      try {
        params = parseWith(spec.params as P, rawParams, '');
      } catch (error) {
        if (spec.invalidParams === 'not-found') throw AppError.notFound('Resource');
        throw error;
      }

      let principal: UserPrincipal | SharePrincipal | null = null;
      if (identity.kind === 'user') {
        const { claims } = identity;
        if (!(await deps.sessions.isActive(claims.userId, claims.sessionId))) {
          throw new AppError('UNAUTHORIZED', 'Session ended');
        }
        const grant = spec.permission ? grantFor(claims.role, spec.permission) : null;
        if (spec.permission && grant === null) {
          throw new AppError('FORBIDDEN', 'You do not have permission to do this', {
            permission: spec.permission,
            role: claims.role,
          });
        }
        if (claims.role === 'super_admin' && !claims.mfa && !spec.allowWithoutMfa) {
          throw new AppError('FORBIDDEN', 'Two-factor authentication is required for super admins', {
            reason: 'mfa_required',
          });
        }
        const requestedOrg = (params as { orgId?: unknown } | undefined)?.orgId;
        if (
          typeof requestedOrg === 'string' &&
          claims.role !== 'super_admin' &&
          requestedOrg !== claims.orgId
        ) {
          throw AppError.notFound('Organization');
        }
        principal = { kind: 'user', ...claims, grant };
      } else if (identity.kind === 'share') {
        const { claims } = identity;
        if ((params as { code?: unknown } | undefined)?.code !== claims.code) {
          throw new AppError('UNAUTHORIZED', 'Open the share link again');
        }
        principal = { kind: 'share', ...claims };
      }

      const tenantContext = tenantContextOf(principal, params);
      const tenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(deps.db, tenantContext, fn);
      if (principal?.kind === 'share') await tenant((tx) => assertShareLinkUsable(tx));

      const query = parseWith(spec.query as Q, Object.fromEntries(new URL(request.url).searchParams), '');
      const body = parseWith(spec.body as B, rawBody, '');

      const result = await handler({
        request,
        requestId,
        log,
        ip,
        userAgent: request.headers.get('user-agent'),
        params,
        query,
        body,
        rawBody: bodyBytes,
        principal: principal as PrincipalFor<A>,
        tenant,
        setCookie: (header) => setCookies.push(header),
        deps,
      });
      response = toResponse(
        result,
        request,
        method === 'GET' ? (spec.cache ?? cache.noStore) : cache.noStore,
      );
    } catch (error) {
      if (!(error instanceof AppError) && !(error instanceof z.ZodError)) {
        log.error({ err: error, method, path }, 'unhandled error in route handler');
      }
      const envelope = toErrorEnvelope(error, requestId);
      const errorHeaders: Record<string, string> = {};
      if (envelope.status >= 500) envelope.body.error.details = { ...envelope.body.error.details, requestId };
      const retryAfter = envelope.body.error.details?.retryAfter;
      if (envelope.status === 429 && typeof retryAfter === 'number')
        errorHeaders['Retry-After'] = String(retryAfter);
      response = new Response(JSON.stringify(envelope.body), {
        status: envelope.status,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': cacheControlOf(cache.noStore),
          ...errorHeaders,
        },
      });
    }

    response.headers.set('X-Request-ID', requestId);
    response.headers.set('X-Content-Type-Options', 'nosniff');
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    if (!cookies.has(COOKIE.csrf)) {
      // The double-submit token is readable by the page's own script (not a credential): S-25.
      setCookies.push(
        serializeCookie(COOKIE.csrf, opaqueToken(24), { httpOnly: false, secure: deps.secureCookies }),
      );
    }
    for (const header of setCookies) response.headers.append('Set-Cookie', header);
    log.info(
      { method, path, status: response.status, durationMs: Math.round(performance.now() - started) },
      'request',
    );
    return response;
  };
  return Object.assign(run, { route: routeSpec });
}

function toResponse(result: unknown, request: Request, policy: CachePolicy): Response {
  if (result instanceof Response) return result;
  const replyValue = result instanceof ApiReply ? result : new ApiReply(result);
  const headers = new Headers(replyValue.headers);
  headers.set('Cache-Control', cacheControlOf(policy));
  if (replyValue.status === 204 || replyValue.body === null)
    return new Response(null, { status: replyValue.status, headers });
  const text = JSON.stringify(replyValue.body);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  if (replyValue.status === 200 && usesEtag(policy)) {
    const etag = etagOf(text);
    headers.set('ETag', etag);
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag))
      return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: replyValue.status, headers });
}
