import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hash } from '@node-rs/bcrypt';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  TEST_RF_ID,
  type SeededTenant,
  type WebTestEnvironment,
} from '../../http/testing';
import { COOKIE } from '../config';

vi.mock('server-only', () => ({}));

let env: WebTestEnvironment;
let orgA: SeededTenant;
let orgB: SeededTenant;
let memberA: ApiTestClient;
let adminA: ApiTestClient;
let adminB: ApiTestClient;
const client = () => new ApiTestClient(env.routes);

beforeAll(async () => {
  env = await setupWebTestEnvironment('shares');
  const passwordHash = await hash(TEST_PASSWORD, 12);
  [orgA, orgB] = [
    await seedTenant(env.admin, 'a', passwordHash),
    await seedTenant(env.admin, 'b', passwordHash),
  ];
  [memberA, adminA, adminB] = [client(), client(), client()];
  await signIn(memberA, orgA.member.email);
  await signIn(adminA, orgA.admin.email);
  await signIn(adminB, orgB.admin.email);
});
afterAll(() => env.teardown());

async function createLink(owner: ApiTestClient, body: Record<string, unknown> = {}) {
  const created = await owner.post('/api/v1/shares', {
    name: 'Board review',
    assetIds: [orgA.assetIds[0], orgA.assetIds[1]],
    ...body,
  });
  expect(created.status).toBe(201);
  return created.json.data as { id: string; code: string; url: string; expiresAt: string | null };
}

describe('managing share links', () => {
  it('BR-044/S-21: a member creates a 32-character CUID2 link expiring in 30 days by default', async () => {
    const link = await createLink(memberA);
    expect(link.code).toMatch(/^[a-z][a-z0-9]{31}$/);
    expect(link.url).toMatch(new RegExp(`/shared/${link.code}$`));
    const days = (Date.parse(link.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const audit = await env.admin.query(`select action from audit_events where target_id = $1`, [link.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['share.create']);
  });

  it('only admins may create links that never expire', async () => {
    const refused = await memberA.post('/api/v1/shares', {
      name: 'Forever',
      assetIds: [orgA.assetIds[0]],
      expiresIn: 'never',
    });
    expect(refused.status).toBe(403);
    expect((await createLink(adminA, { expiresIn: 'never' })).expiresAt).toBeNull();
  });

  it("another org's asset cannot be shared, and validation names the field", async () => {
    const foreign = await memberA.post('/api/v1/shares', { name: 'Probe', assetIds: [orgB.assetIds[0]] });
    expect(foreign.status).toBe(404);
    const invalid = await memberA.post('/api/v1/shares', { name: 'Too many', assetIds: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.fieldErrors.assetIds).toBeDefined();
  });

  it('members list and edit their own links, admins all of the org; another org sees nothing (404)', async () => {
    const mine = await createLink(memberA);
    const otherMember = client();
    await signIn(otherMember, orgA.otherMember.email);
    expect(
      (await otherMember.get('/api/v1/shares')).json.data.map((l: { id: string }) => l.id),
    ).not.toContain(mine.id);
    expect((await otherMember.patch(`/api/v1/shares/${mine.id}`, { name: 'Hijacked' })).status).toBe(403);
    expect((await adminA.get('/api/v1/shares')).json.data.map((l: { id: string }) => l.id)).toContain(
      mine.id,
    );
    expect((await adminA.patch(`/api/v1/shares/${mine.id}`, { name: 'Renamed' })).json.data.name).toBe(
      'Renamed',
    );
    expect((await adminB.patch(`/api/v1/shares/${mine.id}`, { name: 'Cross' })).status).toBe(404);
    expect((await adminB.delete(`/api/v1/shares/${mine.id}`)).status).toBe(404);
    expect((await adminB.get(`/api/v1/shares/${mine.id}/access-log`)).status).toBe(404);
    expect((await adminB.get('/api/v1/shares')).json.data).toEqual([]);
  });
});

describe('the share viewer', () => {
  it('S-03/BR-045/BR-047: redeeming sets a share:read cookie for exactly the link’s assets and logs IP and user agent', async () => {
    const link = await createLink(memberA, { allowConnections: false });
    const viewer = new ApiTestClient(env.routes, '203.0.113.7');
    const entry = await viewer.get(`/api/v1/shared/${link.code}`);
    expect(entry.status).toBe(200);
    expect(entry.json.data).toMatchObject({
      organizationName: orgA.orgName,
      assetCount: 2,
      permissions: { diagram: true, assetList: true, connections: false },
    });
    const cookie = entry.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE.share}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api\/v1\/shared/);
    expect(entry.headers.get('cache-control')).toMatch(/^private/);

    const logged = await env.admin.query(
      `select host(ip_address) as ip, user_agent, outcome from share_access_logs where share_link_id = $1`,
      [link.id],
    );
    expect(logged.rows).toEqual([
      { ip: '203.0.113.7', user_agent: 'patentrack-test-client', outcome: 'granted' },
    ]);
    const log = await memberA.get(`/api/v1/shares/${link.id}/access-log`);
    expect(log.json.data[0]).toMatchObject({ ipMasked: '203.0.113.x', userAgent: 'patentrack-test-client' });

    const list = await viewer.get(`/api/v1/shared/${link.code}/assets`);
    expect(list.status).toBe(200);
    expect(list.json.data.map((a: { id: string }) => a.id).sort()).toEqual(
      [orgA.assetIds[0], orgA.assetIds[1]].sort(),
    );
    const etag = list.headers.get('etag')!;
    expect((await viewer.get(`/api/v1/shared/${link.code}/assets`, { 'if-none-match': etag })).status).toBe(
      304,
    );

    const diagram = await viewer.get(`/api/v1/shared/${link.code}/assets/${orgA.assetIds[0]}/diagram`);
    expect(diagram.status).toBe(200);
    expect(diagram.json.data.popups).toBeUndefined();
    expect(diagram.json.data.connections[0].popup).toBeUndefined();
    expect((await viewer.get(`/api/v1/shared/${link.code}/assets/${orgA.assetIds[2]}/diagram`)).status).toBe(
      404,
    );
    expect((await viewer.get(`/api/v1/shared/${link.code}/assets/${orgB.assetIds[0]}/diagram`)).status).toBe(
      404,
    );
    const connections = await viewer.get(
      `/api/v1/shared/${link.code}/assets/${orgA.assetIds[0]}/connections?rfId=${TEST_RF_ID}`,
    );
    expect(connections.status).toBe(403);
  });

  it('S-03: a share token can write nothing and reaches no user route', async () => {
    const link = await createLink(memberA);
    const viewer = client();
    await viewer.get(`/api/v1/shared/${link.code}`);
    const shareToken = viewer.cookies.get(COOKIE.share)!.value;
    // Even sent to every path, the share token is not an access token.
    viewer.cookies.set(COOKIE.share, { value: shareToken, path: '/' });
    expect((await viewer.patch('/api/v1/me', { name: 'x' })).status).toBe(401);
    expect((await viewer.get('/api/v1/me')).status).toBe(401);
    expect((await viewer.post('/api/v1/shares', { name: 'x', assetIds: [orgA.assetIds[0]] })).status).toBe(
      401,
    );
    expect((await viewer.delete(`/api/v1/shares/${link.id}`)).status).toBe(401);
    viewer.cookies.set(COOKIE.access, { value: shareToken, path: '/' });
    expect((await viewer.get('/api/v1/shares')).status).toBe(401);
  });

  it('connections are served only when the link allows them', async () => {
    const link = await createLink(adminA, { allowConnections: true });
    const viewer = client();
    await viewer.get(`/api/v1/shared/${link.code}`);
    const diagram = await viewer.get(`/api/v1/shared/${link.code}/assets/${orgA.assetIds[1]}/diagram`);
    expect(diagram.json.data.popups).toHaveLength(1);
    const popup = await viewer.get(
      `/api/v1/shared/${link.code}/assets/${orgA.assetIds[1]}/connections?rfId=${TEST_RF_ID}`,
    );
    expect(popup.status).toBe(200);
    expect(popup.json.data.rfId).toBe(TEST_RF_ID);
  });

  it('a share cookie is bound to its own code', async () => {
    const [first, second] = [await createLink(memberA), await createLink(memberA)];
    const viewer = client();
    await viewer.get(`/api/v1/shared/${first.code}`);
    expect((await viewer.get(`/api/v1/shared/${second.code}/assets`)).status).toBe(401);
  });

  it('S-21: revocation takes effect immediately, even for a viewer holding a share cookie', async () => {
    const link = await createLink(memberA);
    const viewer = client();
    await viewer.get(`/api/v1/shared/${link.code}`);
    expect((await viewer.get(`/api/v1/shared/${link.code}/assets`)).status).toBe(200);
    expect((await memberA.delete(`/api/v1/shares/${link.id}`)).json).toEqual({ data: { success: true } });
    const after = await viewer.get(`/api/v1/shared/${link.code}/assets`);
    expect(after.status).toBe(410);
    expect(after.json.error.details.reason).toBe('revoked');
    const reentry = await client().get(`/api/v1/shared/${link.code}`);
    expect(reentry.status).toBe(410);
    expect(reentry.json.error.details.reason).toBe('revoked');
  });

  it('BR-046: max uses count entry calls; the next entry is 410 max_uses', async () => {
    const link = await createLink(memberA, { maxUses: 2 });
    expect((await client().get(`/api/v1/shared/${link.code}`)).status).toBe(200);
    expect((await client().get(`/api/v1/shared/${link.code}`)).status).toBe(200);
    const third = await client().get(`/api/v1/shared/${link.code}`);
    expect(third.status).toBe(410);
    expect(third.json.error.details.reason).toBe('max_uses');
  });

  it('BR-046: an expired link is 410 expired with the expiry instant, also for a live cookie', async () => {
    const link = await createLink(memberA, { expiresIn: '1h' });
    const viewer = client();
    await viewer.get(`/api/v1/shared/${link.code}`);
    await env.admin.query(`update share_links set expires_at = now() - interval '1 second' where id = $1`, [
      link.id,
    ]);
    const entry = await client().get(`/api/v1/shared/${link.code}`);
    expect(entry.status).toBe(410);
    expect(entry.json.error.details.reason).toBe('expired');
    expect(Date.parse(entry.json.error.details.expiredAt)).toBeLessThan(Date.now());
    expect((await viewer.get(`/api/v1/shared/${link.code}/assets`)).json.error.details.reason).toBe(
      'expired',
    );
  });

  it('BR-044: unknown and malformed codes are 404', async () => {
    expect((await client().get(`/api/v1/shared/${'z'.repeat(32)}`)).status).toBe(404);
    expect((await client().get('/api/v1/shared/NOT-A-CODE')).status).toBe(404);
    expect((await client().get(`/api/v1/shared/${'a'.repeat(23)}`)).status).toBe(404);
  });
});
