import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorCodes } from '@patentrack/shared';
import type { ApiRouteFunction } from '../http/api-route';
import { HTTP_METHODS, type HttpMethod } from '../http/route-table';
import { ROUTE_MODULES } from './route-manifest';

export interface DocumentedRoute {
  method: HttpMethod;
  path: string;
  spec: ApiRouteFunction['route'];
}

/** Every wrapped handler of the manifest. */
export function documentedRoutes(): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  for (const [path, module] of ROUTE_MODULES) {
    for (const method of HTTP_METHODS) {
      const handler = module[method] as Partial<ApiRouteFunction> | undefined;
      if (handler?.route) routes.push({ method, path, spec: handler.route });
    }
  }
  return routes;
}

const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });

const ERROR_RESPONSES = {
  400: 'Bad request or validation error (`details.fieldErrors`)',
  401: 'Not signed in, or the session ended',
  403: 'The role or share link lacks the permission; missing CSRF token',
  404: "Unknown — or another tenant's — resource",
  429: 'Rate limit exceeded (`Retry-After`)',
  500: 'Unexpected error (`details.requestId`)',
} as const;

const RATE_LIMIT_HEADERS = {
  'X-Request-ID': { schema: { type: 'string' as const }, description: 'Echoed or generated request id' },
  'X-RateLimit-Limit': { schema: { type: 'integer' as const } },
  'X-RateLimit-Remaining': { schema: { type: 'integer' as const } },
  'X-RateLimit-Reset': { schema: { type: 'integer' as const }, description: 'Unix seconds' },
};

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)\*?/g, '{$1}');
const tagOf = (path: string) => path.split('/')[3] ?? 'api';

/**
 * OpenAPI 3.1 of the API, generated from the same zod schemas the handlers validate with (architecture §7.11).
 * A route without a documented response schema is listed with a generic JSON object.
 */
export function buildOpenApiDocument(routes: DocumentedRoute[] = documentedRoutes()) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'accessCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'access_token',
  });
  registry.registerComponent('securitySchemes', 'shareCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'share_token',
  });
  for (const { method, path, spec } of routes) {
    const status = spec.response?.status ?? 200;
    const contentType = spec.response?.contentType ?? 'application/json';
    const success =
      status === 204
        ? { description: 'No content', headers: RATE_LIMIT_HEADERS }
        : {
            description: spec.summary,
            headers: RATE_LIMIT_HEADERS,
            content: {
              [contentType]: {
                schema:
                  spec.response?.schema ??
                  (contentType === 'application/json' ? z.record(z.string(), z.unknown()) : z.string()),
              },
            },
          };
    const errors = Object.fromEntries(
      Object.entries(ERROR_RESPONSES).map(([code, description]) => [
        code,
        { description, content: { 'application/json': { schema: errorEnvelopeSchema } } },
      ]),
    );
    registry.registerPath({
      method: method.toLowerCase() as Lowercase<HttpMethod>,
      path: openApiPath(path),
      summary: spec.summary,
      tags: [tagOf(path)],
      security:
        spec.auth === 'public' ? [] : [{ [spec.auth === 'share' ? 'shareCookie' : 'accessCookie']: [] }],
      ...(spec.auth === 'user' && spec.permission ? { 'x-permission': spec.permission } : {}),
      request: {
        ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
        ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
        ...(spec.body
          ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } }
          : {}),
        ...(spec.multipart
          ? { body: { required: true, content: { 'multipart/form-data': { schema: spec.multipart.form } } } }
          : {}),
      },
      responses: { [status]: success, ...errors },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'PatenTrack API',
      version: '1.0.0',
      description:
        'Patent-ownership intelligence. JSON only; lists are keyset-paged (`cursor`, `limit` ≤ 100). Mutating calls send the `X-CSRF-Token` header matching the `csrf_token` cookie.',
    },
    servers: [{ url: '/' }],
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document is the same for the whole process lifetime; build it once. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}
