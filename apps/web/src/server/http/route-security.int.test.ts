import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hash } from '@node-rs/bcrypt';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiRoute } from './api-route';
import { grantFor } from '../auth/permissions';
import { fillPath, pathParamNames, type RouteEntry } from './route-table';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  TEST_RF_ID,
  type SeededTenant,
  type WebTestEnvironment,
} from './testing';

vi.mock('server-only', () => ({}));

/** Routes reachable without a session: sign-in flows and the share-code entry. Anything else must authenticate. */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/verify-email',
  'POST /api/v1/auth/verify-email/resend',
  'POST /api/v1/auth/forgot-password',
  'POST /api/v1/auth/reset-password',
  'POST /api/v1/auth/mfa/verify',
  'POST /api/v1/auth/oauth/google',
  'POST /api/v1/auth/oauth/microsoft',
  'POST /api/v1/auth/accept-invite',
  'GET /api/v1/shared/:code',
]);

let env: WebTestEnvironment;
let orgA: SeededTenant;
let orgB: SeededTenant;
let routes: RouteEntry[];
let orgAResources: Record<string, string>;
let orgAFootprint: string[];

beforeAll(async () => {
  env = await setupWebTestEnvironment('routes');
  const passwordHash = await hash(TEST_PASSWORD, 12);
  [orgA, orgB] = [
    await seedTenant(env.admin, 'a', passwordHash),
    await seedTenant(env.admin, 'b', passwordHash),
  ];
  routes = env.routes.filter((r) => r.path.startsWith('/api/v1/'));
  const adminA = new ApiTestClient(env.routes);
  await signIn(adminA, orgA.admin.email);
  const link = (await adminA.post('/api/v1/shares', { name: 'Org A link', assetIds: [orgA.assetIds[0]] }))
    .json.data;
  // Org A's object for each path-parameter name; a route with a parameter missing here fails the probe below.
  orgAResources = {
    orgId: orgA.orgId,
    shareId: link.id,
    assetId: orgA.assetIds[0],
    id: orgA.assetIds[0],
    userId: orgA.member.id,
    companyId: orgA.companyId,
    code: link.code,
    // Org A has no pipeline output here; its asset ids stand in for tree and entity ids (api-contract.int.test.ts probes real ones).
    treeId: orgA.assetIds[1],
    entityId: orgA.assetIds[2],
    // A transaction in org A's diagrams; job ids and source keys are only reachable through org A's own routes.
    rfId: TEST_RF_ID,
    jobId: orgA.assetIds[2],
    source: 'uspto_assignments_daily',
  };
  orgAFootprint = [
    orgA.orgId,
    orgA.orgName,
    orgA.admin.email,
    orgA.member.email,
    link.id,
    link.code,
    ...orgA.assetIds,
  ];
});
afterAll(() => env.teardown());

const label = (r: RouteEntry) => `${r.method} ${r.path}`;

describe('the route table', () => {
  it('lists every API route, each wrapped by apiRoute with a summary', () => {
    expect(routes.length).toBeGreaterThanOrEqual(19);
    for (const route of routes) {
      expect(route.spec, `${label(route)} must use apiRoute`).not.toBeNull();
      expect(route.spec!.summary.length, label(route)).toBeGreaterThan(5);
    }
  });

  it('S-16: only the sign-in flows and the share entry are public; every user route names a permission', () => {
    for (const route of routes) {
      if (route.spec!.auth === 'public') expect(PUBLIC_ROUTES, label(route)).toContain(label(route));
      if (route.spec!.auth === 'user') expect(route.spec!.permission, label(route)).toBeTruthy();
    }
  });

  it('S-03: share-scoped routes are read-only and live under /api/v1/shared/:code', () => {
    for (const route of routes.filter((r) => r.spec!.auth === 'share')) {
      expect(route.method, label(route)).toBe('GET');
      expect(route.path.startsWith('/api/v1/shared/:code'), label(route)).toBe(true);
    }
  });

  it('S-22: no route takes a token or password in its query string', () => {
    for (const route of routes) {
      const shape = (route.spec!.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect(
        Object.keys(shape).filter((k) => /token|password|secret|api_?key/i.test(k) || k === 'code'),
        label(route),
      ).toEqual([]);
    }
  });
});

describe('cross-tenant probe (S-11)', () => {
  it("an org B admin asking for org A's resources gets 404 on every route with a resource parameter, and sees no org A data elsewhere", async () => {
    const probed: string[] = [];
    for (const route of routes.filter((r) => r.spec!.auth === 'user')) {
      // Super-admin-only routes are cross-tenant by design; an org admin is refused them before any lookup.
      if (grantFor('admin', route.spec!.permission!) === null) continue;
      const names = pathParamNames(route.path);
      const missing = names.filter((n) => !(n in orgAResources));
      expect(missing, `${label(route)}: add an org A fixture for these path parameters`).toEqual([]);
      if (route.spec!.body && route.method !== 'DELETE') {
        expect(
          route.spec!.example?.body,
          `${label(route)}: add example.body so the probe can call it`,
        ).toBeDefined();
      }
      const prober = new ApiTestClient(env.routes);
      await signIn(prober, orgB.admin.email);
      const query = route.spec!.example?.query ? `?${new URLSearchParams(route.spec!.example.query)}` : '';
      const result = await prober.request(route.method, `${fillPath(route.path, orgAResources)}${query}`, {
        body: route.spec!.example?.body,
      });
      const text = JSON.stringify(result.json ?? '');
      if (names.length > 0) expect(result.status, label(route)).toBe(404);
      else expect(result.status, label(route)).toBeLessThan(500);
      for (const mark of orgAFootprint)
        expect(text.includes(mark), `${label(route)} leaked ${mark}`).toBe(false);
      probed.push(label(route));
    }
    expect(probed).toContain('DELETE /api/v1/shares/:shareId');
    const { rows } = await env.admin.query(`select revoked_at, name from share_links where id = $1`, [
      orgAResources.shareId,
    ]);
    expect(rows[0]).toEqual({ revoked_at: null, name: 'Org A link' });
  });

  it('BR-048: on any :orgId route the wrapper answers 404 for another org and runs in the caller’s own org', async () => {
    const probe = apiRoute(
      {
        summary: 'org-scoped probe',
        auth: 'user',
        permission: 'dashboard.read',
        params: z.object({ orgId: z.uuid() }),
      },
      async ({ tenant }) => ({
        data: await tenant(async (tx) => (await tx.execute(sql`select app_current_org() as org`)).rows[0]),
      }),
    );
    const entry: RouteEntry = {
      method: 'GET',
      path: '/api/v1/organizations/:orgId/probe',
      file: 'test',
      spec: probe.route,
      handler: probe,
    };
    const member = new ApiTestClient([...env.routes, entry]);
    await signIn(member, orgB.member.email);
    const foreign = await member.get(`/api/v1/organizations/${orgA.orgId}/probe`);
    expect(foreign.status).toBe(404);
    const own = await member.get(`/api/v1/organizations/${orgB.orgId}/probe`);
    expect(own.json.data).toEqual({ org: orgB.orgId });
  });
});

describe('headers on every response', () => {
  it('X-Request-ID and X-RateLimit-* on every route, signed in or not, success or error', async () => {
    const signedIn = new ApiTestClient(env.routes);
    await signIn(signedIn, orgB.member.email);
    for (const route of routes) {
      for (const caller of [new ApiTestClient(env.routes), signedIn]) {
        const result = await caller.request(route.method, fillPath(route.path, orgAResources), {
          body: route.spec!.example?.body,
        });
        expect(result.headers.get('x-request-id'), label(route)).toBeTruthy();
        for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
          expect(result.headers.get(header), `${label(route)} ${header}`).toMatch(/^\d+$/);
        }
        expect(result.headers.get('cache-control'), label(route)).toMatch(/private|no-store/);
        if (result.status >= 400) expect(Object.keys(result.json), label(route)).toEqual(['error']);
      }
    }
  });
});
