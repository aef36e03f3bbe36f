// Issue #7: tenant isolation and share tokens over real HTTP. Org A is the seeded "Beta Holdings" (it has pipeline
// output: trees, entities, diagrams); org B is an organization of this suite whose admin probes org A. The routes
// come from the same file-system route table as route-security.int.test.ts, so a new route is probed too.
import { decodeJwt } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grantFor } from '../apps/web/src/server/auth/permissions';
import {
  fillPath,
  loadRouteTable,
  pathParamNames,
  type RouteEntry,
} from '../apps/web/src/server/http/route-table';
import { e2e } from './helpers';
import { createTestOrganization, expectEnvelope, HttpClient, signedIn, type TestUser } from './http';

vi.mock('server-only', () => ({}));

let routes: RouteEntry[];
let ownerA: HttpClient;
let proberB: TestUser;
/** Org A's object for each path-parameter name of the route table. */
const orgA: Record<string, string> = {};
let orgAFootprint: string[];
let otherAssetA: string;
let foreignAsset: string;

const label = (route: RouteEntry) => `${route.method} ${route.path}`;
/** The route's example query, pointed at org A's transaction where it names one. */
const queryOf = (route: RouteEntry) => {
  const example = route.spec?.example?.query;
  if (!example) return '';
  return `?${new URLSearchParams('rfId' in example ? { ...example, rfId: orgA.rfId! } : example)}`;
};
/**
 * Routes where org A's own call with the same URL is refused just like org B's on this server, so the control below
 * cannot tell the two apart; the probe still proves their 404.
 */
const WITHOUT_OWN_CONTROL: Record<string, string> = {
  'GET /api/v1/documents/:rfId': 'needs a signed link, and document delivery has no publisher URL here',
  'GET /api/v1/exports/:jobId': 'the jobId fixture is an entity-normalization job, not an export',
};

beforeAll(async () => {
  const { chainExamples, demo, databaseUrl } = e2e();
  routes = (await loadRouteTable()).filter((route) => route.path.startsWith('/api/v1/'));
  ({
    users: { admin: proberB },
  } = await createTestOrganization('tenancy', { admin: 'admin' }));
  ownerA = await signedIn(chainExamples);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const rows = async (sql: string, ...params: string[]) =>
      (await pool.query<Record<string, string>>(sql, params)).rows;
    const one = async (sql: string, ...params: string[]) => {
      const [row] = await rows(sql, ...params);
      if (!row) throw new Error(`the e2e seed has no row for: ${sql}`);
      return row;
    };
    const orgAId = chainExamples.orgId;
    // An asset of org A with a diagram and a recorded transaction, so every asset and transaction route has a target.
    const shared = await one(
      `select ad.asset_id, d.rf_id from asset_diagrams ad join assets a on a.id = ad.asset_id
       join document_ids d on d.appno_doc_num = a.appno_doc_num
       where ad.organization_id = $1 order by ad.asset_id, d.rf_id limit 1`,
      orgAId,
    );
    otherAssetA = (
      await one(
        `select asset_id from asset_diagrams where organization_id = $1 and asset_id <> $2 limit 1`,
        orgAId,
        shared.asset_id!,
      )
    ).asset_id!;
    foreignAsset = (
      await one(`select asset_id from asset_diagrams where organization_id = $1 limit 1`, demo.orgId)
    ).asset_id!;
    Object.assign(orgA, {
      orgId: orgAId,
      assetId: shared.asset_id,
      rfId: shared.rf_id,
      treeId: (await one(`select id from ownership_tree_nodes where organization_id = $1 limit 1`, orgAId))
        .id,
      companyId: (await one(`select id from companies where organization_id = $1 limit 1`, orgAId)).id,
      userId: (await one(`select id from users where email = $1`, chainExamples.email)).id,
      // Only super-admin routes take a source; the share-token write probe fills it too.
      source: 'uspto_assignments_daily',
    });
    orgAFootprint = [
      orgAId,
      chainExamples.email,
      ...(await rows(`select name from organizations where id = $1`, orgAId)).map((r) => r.name!),
      ...(await rows(`select id from assets where organization_id = $1`, orgAId)).map((r) => r.id!),
    ];
  } finally {
    await pool.end();
  }
  orgA.entityId = (await ownerA.get(`/api/v1/organizations/${orgA.orgId}/entities?limit=1`)).json.data[0].id;
  // A preview run only (no change to the org's groups), so the job route has a real org A id.
  const job = await ownerA.post(`/api/v1/organizations/${orgA.orgId}/entities/normalize`, { dryRun: true });
  orgA.jobId = job.json.data.jobId;
  const link = await ownerA.post('/api/v1/shares', {
    name: 'Security suite link',
    assetIds: [orgA.assetId],
    expiresIn: '1h',
    allowDiagram: true,
    allowAssetList: true,
    allowConnections: false,
  });
  expect(link.status).toBe(201);
  Object.assign(orgA, { shareId: link.json.data.id, code: link.json.data.code });
  orgAFootprint.push(orgA.shareId!, orgA.code!);
});

afterAll(async () => {
  // Leave no live link behind in the shared seed.
  if (orgA.shareId) await ownerA.delete(`/api/v1/shares/${orgA.shareId}`);
});

describe('cross-tenant probe over HTTP (S-11)', () => {
  it("S-11: an org B admin gets 404 for org A's objects on every GET route with a path parameter, and sees no org A data on the others", async () => {
    const prober = await signedIn(proberB);
    const probed: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && r.spec?.auth === 'user')) {
      // Super-admin routes are cross-tenant by design; an org admin is refused them before any lookup.
      if (grantFor('admin', route.spec!.permission!) === null) continue;
      const names = pathParamNames(route.path);
      expect(
        names.filter((name) => !(name in orgA)),
        `${label(route)}: add an org A fixture for these path parameters`,
      ).toEqual([]);
      const url = `${fillPath(route.path, orgA)}${queryOf(route)}`;
      const answer = await prober.get(url);
      for (const mark of orgAFootprint)
        expect(answer.text.includes(mark), `${label(route)} leaked ${mark}`).toBe(false);
      if (names.length === 0) {
        expect(answer.status, label(route)).toBeLessThan(500);
        continue;
      }
      expectEnvelope(answer, 404, 'NOT_FOUND');
      probed.push(label(route));
      if (label(route) in WITHOUT_OWN_CONTROL) continue;
      // Org A gets further with the same URL (an answer, or some other object missing), so org B's 404 is the
      // tenant check and not a stale fixture.
      const own = await ownerA.get(url);
      const sameRefusal = own.status === 404 && own.json?.error?.message === answer.json.error.message;
      expect(
        sameRefusal,
        `${label(route)}: org A gets the same 404; add a fixture or an entry in WITHOUT_OWN_CONTROL`,
      ).toBe(false);
      expect(own.json?.error?.code, label(route)).not.toBe('INTERNAL_ERROR');
    }
    expect(probed).toEqual(
      expect.arrayContaining([
        'GET /api/v1/assets/:assetId',
        'GET /api/v1/assets/:assetId/diagram',
        'GET /api/v1/shares/:shareId/access-log',
        'GET /api/v1/organizations/:orgId/entities/:entityId',
        'GET /api/v1/dashboards/trees/:treeId',
        'GET /api/v1/assignments/:rfId',
      ]),
    );
  });
});

describe('share tokens over HTTP (S-03, S-21)', () => {
  let viewer: HttpClient;

  it('S-03: a share code yields an httpOnly share:read cookie for exactly its assets; other assets are 404', async () => {
    viewer = new HttpClient();
    const entry = await viewer.get(`/api/v1/shared/${orgA.code}`);
    expect(entry.status).toBe(200);
    const cookie = entry.headers.getSetCookie().find((c) => c.startsWith('share_token=')) ?? '';
    expect(cookie).toMatch(/; Path=\/api\/v1\/shared;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(entry.text).not.toMatch(/eyJ/);
    const claims = decodeJwt(viewer.cookie('share_token')!);
    expect(claims).toMatchObject({ scope: 'share:read', asset_ids: [orgA.assetId], org_id: orgA.orgId });
    expect(claims.sub).toBeUndefined();

    const list = await viewer.get(`/api/v1/shared/${orgA.code}/assets`);
    expect(list.status).toBe(200);
    expect(list.json.data.map((asset: { id: string }) => asset.id)).toEqual([orgA.assetId]);
    const diagram = (asset: string) => viewer.get(`/api/v1/shared/${orgA.code}/assets/${asset}/diagram`);
    expect((await diagram(orgA.assetId!)).status).toBe(200);
    expectEnvelope(await diagram(otherAssetA), 404, 'NOT_FOUND');
    expectEnvelope(await diagram(foreignAsset), 404, 'NOT_FOUND');
    // The cookie is no session: user routes refuse it.
    expect((await viewer.get(`/api/v1/assets/${orgA.assetId}`)).status).toBe(401);
  });

  it('S-03: the share token writes nothing: every write route answers 401, also with the token in the access cookie', async () => {
    const token = viewer.cookie('share_token')!;
    // Sent to every path and in the access-token slot, as a hostile client could.
    const attacker = new HttpClient();
    attacker.setCookie('share_token', token);
    attacker.setCookie('access_token', token);
    const writes = routes.filter((r) => r.method !== 'GET' && r.spec?.auth === 'user');
    expect(writes.length).toBeGreaterThan(10);
    for (const route of writes) {
      const result = await attacker.request(route.method, fillPath(route.path, orgA), {
        body: route.spec!.example?.body ?? {},
      });
      expect(result.status, label(route)).toBe(401);
    }
    // The share paths themselves have no write handler at all.
    for (const method of ['POST', 'PATCH', 'DELETE'])
      expect((await attacker.request(method, `/api/v1/shared/${orgA.code}/assets`)).status, method).toBe(405);
    const links = (await ownerA.get('/api/v1/shares?limit=100')).json.data as { id: string }[];
    expect(links.find((link) => link.id === orgA.shareId)).toMatchObject({
      name: 'Security suite link',
      revokedAt: null,
    });
    expect((await viewer.get(`/api/v1/shared/${orgA.code}/assets`)).status).toBe(200);
  });

  it('S-21: once revoked, the share cookie and the code answer 410 revoked at once', async () => {
    expect((await ownerA.delete(`/api/v1/shares/${orgA.shareId}`)).status).toBe(200);
    const reading = await viewer.get(`/api/v1/shared/${orgA.code}/assets`);
    expectEnvelope(reading, 410, 'GONE');
    expect(reading.json.error.details.reason).toBe('revoked');
    const reentry = await new HttpClient().get(`/api/v1/shared/${orgA.code}`);
    expectEnvelope(reentry, 410, 'GONE');
    expect(reentry.json.error.details.reason).toBe('revoked');
    expect((await new HttpClient().get(`/shared/${orgA.code}`)).status).toBe(410);
  });
});
