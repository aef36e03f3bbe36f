import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiRouteFunction } from './api-route';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteEntry {
  method: HttpMethod;
  /** URL path with `:name` parameters, e.g. `/api/v1/shares/:shareId`. */
  path: string;
  file: string;
  /** The `apiRoute` spec; null for a handler exported without the wrapper. */
  spec: ApiRouteFunction['route'] | null;
  handler: (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
}

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app');

/** Next.js folder names to URL segments: `(group)` vanishes, `[id]` → `:id`, `[...slug]` → `:slug*`. */
export function urlPathOf(routeFile: string, appDir = APP_DIR): string {
  const segments = path
    .relative(appDir, path.dirname(routeFile))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[\.\.\.(.+)\]$/, ':$1*').replace(/^\[(.+)\]$/, ':$1'));
  return `/${segments.join('/')}`;
}

async function routeFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return routeFiles(full);
      return Promise.resolve(/^route\.tsx?$/.test(entry.name) ? [full] : []);
    }),
  );
  return nested.flat();
}

/**
 * Every API route of the app, found from the file system and the wrapped handlers' specs, so a new route file
 * is enumerated (and probed by the security tests) without being registered anywhere else.
 */
export async function loadRouteTable(appDir = APP_DIR): Promise<RouteEntry[]> {
  const files = (await routeFiles(path.join(appDir, 'api'))).sort();
  const table: RouteEntry[] = [];
  for (const file of files) {
    const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = routeModule[method];
      if (typeof handler !== 'function') continue;
      const spec = (handler as Partial<ApiRouteFunction>).route ?? null;
      table.push({
        method,
        path: urlPathOf(file, appDir),
        file,
        spec,
        handler: handler as RouteEntry['handler'],
      });
    }
  }
  return table;
}

/** Fills `:name` parameters of a route path. */
export function fillPath(routePath: string, params: Record<string, string>): string {
  return routePath.replace(/:([A-Za-z0-9_]+)\*?/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for path parameter :${name}`);
    return encodeURIComponent(value);
  });
}

/** Path parameter names of a route path, in order. */
export function pathParamNames(routePath: string): string[] {
  return [...routePath.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}
