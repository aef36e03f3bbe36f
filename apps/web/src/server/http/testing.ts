import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { createOrganization, runPipelineInline } from '@patentrack/pipeline';
import { insertRecordedTransactions, syntheticPortfolio } from '@patentrack/pipeline/testing';
import { COOKIE, CSRF_HEADER } from '../auth/config';
import { base32Decode, totp } from '../auth/totp';
import { loadRouteTable, type HttpMethod, type RouteEntry } from './route-table';
import { createPool } from '@patentrack/db';

/**
 * Integration-test environment of the web server: a fresh migrated database, a unique Redis key prefix, a mail
 * outbox folder and a file-storage folder, exported as the environment variables `webEnv()` reads. Call before the
 * first handler runs.
 */
export async function setupWebTestEnvironment(label: string) {
  const database: TestDatabase = await createTestDatabase();
  const outboxDir = await mkdtemp(path.join(tmpdir(), `pt-outbox-${label}-`));
  const storageDir = await mkdtemp(path.join(tmpdir(), `pt-storage-${label}-`));
  const redisPrefix = `pt-test-${label}-${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.adminUrl,
    DATABASE_URL_APP: database.appUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SHARE_TOKEN_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
    REDIS_KEY_PREFIX: redisPrefix,
    MAIL_OUTBOX_DIR: outboxDir,
    STORAGE_DIR: storageDir,
    TRUSTED_PROXY_HOPS: '1',
  });
  const admin = createPool(database.adminUrl, { max: 2 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false });
  return {
    database,
    admin,
    redis,
    redisPrefix,
    outboxDir,
    storageDir,
    routes: await loadRouteTable(),
    async teardown() {
      const keys = await redis.keys(`${redisPrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await admin.end();
      // The server's own pool and client must close before the database is dropped under them.
      const connections = globalThis as typeof globalThis & {
        __ptDb?: { $client?: pg.Pool };
        __ptRedis?: { disconnect(): void };
      };
      connections.__ptRedis?.disconnect();
      await connections.__ptDb?.$client?.end();
      await database.drop();
      await rm(outboxDir, { recursive: true, force: true });
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
export type WebTestEnvironment = Awaited<ReturnType<typeof setupWebTestEnvironment>>;

function routeRegex(routePath: string): RegExp {
  const pattern = routePath
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:([A-Za-z0-9_]+)\*?/g, '(?<$1>[^/]+)');
  return new RegExp(`^${pattern}$`);
}

export interface ApiResult {
  status: number;
  headers: Headers;
  // Tests read response bodies of every route shape; each asserts the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/**
 * A browser-like client calling the route handlers in-process with real `Request`s: it keeps a cookie jar (honouring
 * cookie paths and deletions), sends the double-submit CSRF header on writes and picks a fixed client IP.
 */
export class ApiTestClient {
  readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(
    private readonly routes: RouteEntry[],
    readonly ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
  ) {}

  route(method: HttpMethod, urlPath: string): { entry: RouteEntry; params: Record<string, string> } {
    // Like Next.js, a static segment wins over a dynamic one (`/assets/search` before `/assets/:assetId`).
    const byStaticFirst = [...this.routes].sort(
      (a, b) => (a.path.match(/:/g)?.length ?? 0) - (b.path.match(/:/g)?.length ?? 0),
    );
    for (const entry of byStaticFirst) {
      if (entry.method !== method) continue;
      const match = routeRegex(entry.path).exec(urlPath);
      if (match)
        return {
          entry,
          params: Object.fromEntries(
            Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
          ),
        };
    }
    throw new Error(`No route for ${method} ${urlPath}`);
  }

  cookieHeader(urlPath: string): string {
    return [...this.cookies.entries()]
      .filter(
        ([, cookie]) =>
          urlPath === cookie.path ||
          urlPath.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`) ||
          cookie.path === '/',
      )
      .map(([name, cookie]) => `${name}=${encodeURIComponent(cookie.value)}`)
      .join('; ');
  }

  async request(
    method: HttpMethod,
    url: string,
    options: { body?: unknown; form?: FormData; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<ApiResult> {
    const [urlPath] = url.split('?') as [string];
    const { entry, params } = this.route(method, urlPath);
    const headers = new Headers({
      'x-forwarded-for': this.ip,
      'user-agent': 'patentrack-test-client',
      ...options.headers,
    });
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && options.csrf !== false) {
      if (!this.cookies.has(COOKIE.csrf)) this.cookies.set(COOKIE.csrf, { value: randomUUID(), path: '/' });
      headers.set(CSRF_HEADER, this.cookies.get(COOKIE.csrf)!.value);
    }
    const cookie = this.cookieHeader(urlPath);
    if (cookie) headers.set('cookie', cookie);
    if (options.body !== undefined) headers.set('content-type', 'application/json');
    // A form is sent as multipart/form-data with the boundary the Request picks, as a browser does.
    const request = new Request(`http://localhost${url}`, {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const response = await entry.handler(request, { params: Promise.resolve(params) });
    for (const header of response.headers.getSetCookie()) this.storeCookie(header);
    const type = response.headers.get('content-type') ?? '';
    // An event stream never ends: the client hangs up at once; an HTML or text body is returned as a string.
    if (type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, json: null };
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text && type.includes('json') ? JSON.parse(text) : text || null,
    };
  }

  private storeCookie(header: string) {
    const [pair, ...attributes] = header.split(';').map((p) => p.trim());
    const index = pair!.indexOf('=');
    const name = pair!.slice(0, index);
    const value = decodeURIComponent(pair!.slice(index + 1));
    const attr = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key.toLowerCase()}=`))?.split('=')[1];
    if (attr('Max-Age') === '0') this.cookies.delete(name);
    else this.cookies.set(name, { value, path: attr('Path') ?? '/' });
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, { headers });
  post = (url: string, body?: unknown) => this.request('POST', url, { body });
  patch = (url: string, body?: unknown) => this.request('PATCH', url, { body });
  delete = (url: string) => this.request('DELETE', url);
  upload = (url: string, form: FormData) => this.request('PUT', url, { form });
}

export interface SeededUser {
  id: string;
  email: string;
}

export interface SeededTenant {
  orgId: string;
  orgName: string;
  admin: SeededUser;
  member: SeededUser;
  otherMember: SeededUser;
  companyId: string;
  /** Three assets; the first two have an ownership diagram. */
  assetIds: [string, string, string];
}

export const TEST_PASSWORD = 'Correct-Horse-9x';
export const TEST_RF_ID = '012345-0678';

/** Seeds one organization (as the superuser, bypassing RLS) with an admin, two members, a company and three assets. */
export async function seedTenant(admin: pg.Pool, label: string, passwordHash: string): Promise<SeededTenant> {
  const suffix = randomBytes(3).toString('hex');
  const orgId = randomUUID();
  const orgName = `Org ${label} ${suffix}`;
  const companyId = randomUUID();
  const assetIds = [randomUUID(), randomUUID(), randomUUID()] as [string, string, string];
  const user = (role: string): SeededUser => ({
    id: randomUUID(),
    email: `${role}-${label}-${suffix}@example.test`,
  });
  const [orgAdmin, member, otherMember] = [user('admin'), user('member'), user('member2')];
  await admin.query(`INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $3)`, [
    orgId,
    orgName,
    `org-${label}-${suffix}`,
  ]);
  await admin.query(`INSERT INTO customer_configurations (organization_id) VALUES ($1)`, [orgId]);
  for (const [u, role] of [
    [orgAdmin, 'admin'],
    [member, 'member'],
    [otherMember, 'member'],
  ] as const) {
    await admin.query(
      `INSERT INTO users (id, organization_id, email, password_hash, role, status, email_verified_at, first_name)
       VALUES ($1, $2, $3, $4, $5, 'active', now(), $6)`,
      [u.id, orgId, u.email, passwordHash, role, role],
    );
  }
  await admin.query(
    `INSERT INTO companies (id, organization_id, name, name_key) VALUES ($1, $2, $3::text, lower($3::text))`,
    [companyId, orgId, `Company ${label} ${suffix}`],
  );
  for (const [index, assetId] of assetIds.entries()) {
    await admin.query(`INSERT INTO assets (id, organization_id, grant_doc_num) VALUES ($1, $2, $3)`, [
      assetId,
      orgId,
      `${9_000_000 + index}`,
    ]);
  }
  for (const assetId of assetIds.slice(0, 2)) {
    const diagram = {
      general: { assetId, logoUrl: `/api/v1/organizations/${orgId}/logo` },
      boxes: [{ id: 'b1', name: `Company ${label}` }],
      connections: [{ id: 'c1', from: 'b1', to: 'b1', rfId: TEST_RF_ID, popup: { rfId: TEST_RF_ID } }],
      popups: [{ rfId: TEST_RF_ID, conveyance: 'assignment', secret: `${label}-popup` }],
    };
    await admin.query(
      `INSERT INTO asset_diagrams (organization_id, asset_id, schema_version, diagram, input_hash) VALUES ($1, $2, 1, $3, $4)`,
      [orgId, assetId, JSON.stringify(diagram), randomBytes(32).toString('hex')],
    );
  }
  return { orgId, orgName, admin: orgAdmin, member, otherMember, companyId, assetIds };
}

/**
 * An organization monitoring the company of a synthetic portfolio (its recorded transactions inserted as the
 * superuser), after a full pipeline run: every derived table holds real rows. Returns the organization id.
 */
export async function seedPortfolioOrg(
  admin: pg.Pool,
  name: string,
  portfolio: Parameters<typeof syntheticPortfolio>[0],
): Promise<string> {
  await insertRecordedTransactions(admin, syntheticPortfolio(portfolio));
  const { id } = await createOrganization(admin, { name, companies: [portfolio.company] });
  await runPipelineInline(admin, { orgId: id, jobType: 'full_rebuild', trigger: 'test' });
  return id;
}

/** A new active user of `orgId` with `role` (as the superuser), signed in on a client of its own. */
export async function signedInUser(
  env: WebTestEnvironment,
  orgId: string,
  role: 'admin' | 'member',
  passwordHash: string,
): Promise<ApiTestClient> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  await env.admin.query(
    `insert into users (organization_id, email, password_hash, role, status, email_verified_at) values ($1, $2, $3, $4, 'active', now())`,
    [orgId, email, passwordHash, role],
  );
  const client = new ApiTestClient(env.routes);
  await signIn(client, email);
  return client;
}

/** A super admin in its own platform organization. */
export async function seedSuperAdmin(
  admin: pg.Pool,
  passwordHash: string,
): Promise<SeededUser & { orgId: string }> {
  const orgId = randomUUID();
  const suffix = randomBytes(3).toString('hex');
  await admin.query(`INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $3)`, [
    orgId,
    `Platform ${suffix}`,
    `platform-${suffix}`,
  ]);
  const superAdmin = { id: randomUUID(), email: `super-${suffix}@example.test`, orgId };
  await admin.query(
    `INSERT INTO users (id, organization_id, email, password_hash, role, status, email_verified_at) VALUES ($1, $2, $3, $4, 'super_admin', 'active', now())`,
    [superAdmin.id, orgId, superAdmin.email, passwordHash],
  );
  return superAdmin;
}

/** Signs `client` in with the shared test password; fails the test when login does not succeed. */
export async function signIn(
  client: ApiTestClient,
  email: string,
  password = TEST_PASSWORD,
): Promise<ApiResult> {
  const result = await client.post('/api/v1/auth/login', { email, password });
  if (result.status !== 200)
    throw new Error(`login of ${email} failed: ${result.status} ${JSON.stringify(result.json)}`);
  return result;
}

/** Signs a super admin in and enrols TOTP, without which a super admin may call nothing else (S-28). */
export async function signInEnrollingTotp(client: ApiTestClient, email: string): Promise<void> {
  await signIn(client, email);
  const { secret } = (await client.post('/api/v1/auth/mfa/setup')).json.data;
  const confirmed = await client.post('/api/v1/auth/mfa/verify', {
    code: totp(base32Decode(secret), Math.floor(Date.now() / 1000)),
    isBackupCode: false,
  });
  if (confirmed.status !== 200) throw new Error(`TOTP enrolment of ${email} failed: ${confirmed.status}`);
}
