/**
 * Plain-HTTP client of the security suites: `fetch` against the e2e server with a cookie jar, the server-issued
 * double-submit token on writes and a client address of its own, plus an organization of test users.
 */
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import pg from 'pg';
import { expect } from 'vitest';
import { createOrganization } from '@patentrack/pipeline';
import type { Login } from './global-setup';
import { e2e, freshAddress } from './helpers';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_COOKIE = 'csrf_token';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  // Bodies of every route shape; each test asserts the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is (e.g. malformed JSON or a stream), with the caller's Content-Type header. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  /** `false` sends a write without the double-submit header. */
  csrf?: boolean;
}

export class HttpClient {
  readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(
    readonly address = freshAddress(),
    readonly baseUrl = e2e().baseUrl,
  ) {}

  async request(method: string, url: string, options: RequestOptions = {}): Promise<HttpResult> {
    const path = url.split('?')[0]!;
    const headers = new Headers({ 'x-forwarded-for': this.address, ...options.headers });
    if (!SAFE_METHODS.has(method) && options.csrf !== false) {
      // The token the server itself issued to this client on an earlier answer (S-25).
      if (!this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/health');
      headers.set('x-csrf-token', this.cookies.get(CSRF_COOKIE)!.value);
    }
    const cookie = [...this.cookies]
      .filter(([, c]) => c.path === '/' || path === c.path || path.startsWith(`${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    let body = options.rawBody;
    if (options.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body,
      redirect: 'manual',
      // A streamed body (no Content-Length) needs half-duplex in Node's fetch.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
    for (const header of response.headers.getSetCookie()) this.storeCookie(header);
    // An event stream never ends: hang up at once.
    if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, text: '', json: null };
    }
    const text = await response.text();
    const json =
      (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : null;
    return { status: response.status, headers: response.headers, text, json };
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, { headers });
  post = (url: string, body?: unknown) => this.request('POST', url, { body });
  patch = (url: string, body?: unknown) => this.request('PATCH', url, { body });
  delete = (url: string) => this.request('DELETE', url);

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.cookies.set(name, { value, path });
  }

  private storeCookie(header: string): void {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const name = pair!.slice(0, pair!.indexOf('='));
    const value = pair!.slice(pair!.indexOf('=') + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    if (attribute('max-age') === '0') this.cookies.delete(name);
    else this.cookies.set(name, { value, path: attribute('path') ?? '/' });
  }
}

/** Signs in over HTTP; the client keeps the session cookies. */
export async function signIn(
  client: HttpClient,
  login: { email: string; password: string },
): Promise<HttpResult> {
  const result = await client.post('/api/v1/auth/login', { email: login.email, password: login.password });
  if (result.status !== 200) throw new Error(`login of ${login.email} → ${result.status}: ${result.text}`);
  return result;
}

export async function signedIn(login: { email: string; password: string }): Promise<HttpClient> {
  const client = new HttpClient();
  await signIn(client, login);
  return client;
}

export interface TestUser extends Login {
  id: string;
}

/**
 * A fresh organization of this suite with one user per given role, written straight into the e2e database, so
 * lockouts, revoked sessions and spent rate limits never touch the logins the other suites share.
 */
export async function createTestOrganization<R extends string>(
  label: string,
  users: Record<R, 'admin' | 'member'>,
): Promise<{ orgId: string; users: Record<R, TestUser> }> {
  const pool = new pg.Pool({ connectionString: e2e().databaseUrl, max: 1 });
  try {
    const suffix = randomBytes(4).toString('hex');
    const { id: orgId } = await createOrganization(pool, {
      name: `Security ${label} ${suffix}`,
      companies: [`SECURITY ${label.toUpperCase()} ${suffix} INC`],
    });
    const password = `${randomBytes(12).toString('base64url')}Sx9`;
    const passwordHash = await hash(password, 12);
    const created = {} as Record<R, TestUser>;
    for (const [key, role] of Object.entries(users) as [R, 'admin' | 'member'][]) {
      const email = `${key.toLowerCase()}-${label}-${suffix}@security.test`;
      const { rows } = await pool.query<{ id: string }>(
        `insert into users (organization_id, email, password_hash, first_name, last_name, role, status, email_verified_at)
         values ($1, $2, $3, $4, 'Test', $5, 'active', now()) returning id`,
        [orgId, email, passwordHash, key, role],
      );
      created[key] = { id: rows[0]!.id, email, password, orgId };
    }
    return { orgId, users: created };
  } finally {
    await pool.end();
  }
}

const STACK_TRACE = /\n\s+at |node_modules|\.[jt]sx?:\d+/;

/** The §7.3 envelope and nothing else: JSON with one `error` key, the expected code, no stack trace or source path. */
export function expectEnvelope(result: HttpResult, status: number, code: string): void {
  expect({
    status: result.status,
    type: result.headers.get('content-type')?.split(';')[0],
    keys: Object.keys(result.json ?? {}),
    code: result.json?.error?.code,
  }).toEqual({ status, type: 'application/json', keys: ['error'], code });
  expect(result.text).not.toMatch(STACK_TRACE);
}
