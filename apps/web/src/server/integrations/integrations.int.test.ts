import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { unseal } from '@patentrack/shared/encryption';
import { LocalStandIn } from './testing';

vi.mock('server-only', () => ({}));

const tokens = {
  slack: `xoxb-${randomBytes(8).toString('hex')}`,
  drive: `ya29-${randomBytes(8).toString('hex')}`,
  driveRefresh: `refresh-${randomBytes(8).toString('hex')}`,
  teams: `eyMs-${randomBytes(8).toString('hex')}`,
};

/** Local stand-ins for the Slack, Google and Microsoft endpoints. */
const providers = new LocalStandIn(({ url, authorization, body }, send) => {
  const form = new URLSearchParams(body);
  const bearer = (token: string) => authorization === `Bearer ${token}`;
  if (url === '/slack/api/oauth.v2.access')
    return form.get('code') === 'slack-code'
      ? send({ ok: true, access_token: tokens.slack, team: { id: 'T1', name: 'Acme Patents' } })
      : send({ ok: false, error: 'invalid_code' });
  if (url.startsWith('/slack/api/conversations.list') && bearer(tokens.slack))
    return send({ ok: true, channels: [{ id: 'C1' }, { id: 'C2' }, { id: 'C3' }] });
  if (url === '/slack/api/chat.postMessage' && bearer(tokens.slack))
    return send({ ok: true, ts: '1700000000.000100' });
  if (url === '/google/token')
    return send({ access_token: tokens.drive, refresh_token: tokens.driveRefresh, expires_in: 3599 });
  if (url === '/drive/drive/v3/about?fields=user' && bearer(tokens.drive))
    return send({ user: { emailAddress: 'owner@acme.example.test' } });
  if (url === '/ms/token') return send({ access_token: tokens.teams, expires_in: 3599 });
  if (url.startsWith('/graph/v1.0/organization') && bearer(tokens.teams))
    return send({ value: [{ id: 'tenant-1', displayName: 'Acme Corporation' }] });
  send({ error: 'unexpected' }, 401);
});

let env: WebTestEnvironment;
let org: SeededTenant;
let admin: ApiTestClient;
let member: ApiTestClient;

beforeAll(async () => {
  env = await setupWebTestEnvironment('integrations');
  await providers.start();
  Object.assign(process.env, {
    SLACK_CLIENT_ID: 'slack-client',
    SLACK_CLIENT_SECRET: 'slack-secret',
    SLACK_API_BASE_URL: `${providers.origin}/slack/api`,
    GOOGLE_OAUTH_CLIENT_ID: 'google-client',
    GOOGLE_OAUTH_CLIENT_SECRET: 'google-secret',
    GOOGLE_OAUTH_TOKEN_URL: `${providers.origin}/google/token`,
    GOOGLE_DRIVE_API_BASE_URL: `${providers.origin}/drive`,
    MICROSOFT_OAUTH_CLIENT_ID: 'ms-client',
    MICROSOFT_OAUTH_CLIENT_SECRET: 'ms-secret',
    MICROSOFT_OAUTH_TOKEN_URL: `${providers.origin}/ms/token`,
    MICROSOFT_GRAPH_BASE_URL: `${providers.origin}/graph`,
  });
  org = await seedTenant(env.admin, 'integrations', await hash(TEST_PASSWORD, 4));
  admin = new ApiTestClient(env.routes);
  await signIn(admin, org.admin.email);
  member = new ApiTestClient(env.routes);
  await signIn(member, org.member.email);
});
afterAll(async () => {
  await providers.stop();
  await env.teardown();
});

const REDIRECT = 'http://localhost:3000/settings/integrations';
const verifier = () => randomBytes(32).toString('base64url');

async function storedRow(provider: string) {
  const { rows } = await env.admin.query(
    `select access_token_encrypted, refresh_token_encrypted, config, status from integrations where organization_id = $1 and provider = $2`,
    [org.orgId, provider],
  );
  return rows[0];
}

/** No provider token appears in an answer of ours. */
function expectNoTokens(body: unknown) {
  const text = JSON.stringify(body);
  for (const token of Object.values(tokens)) expect(text).not.toContain(token);
}

describe('Slack (#66–#68)', () => {
  it('an admin connects: the token is stored sealed, used only in the Authorization header, never answered', async () => {
    expect(
      (await member.post('/api/v1/integrations/slack/connect', { code: 'slack-code', redirectUri: REDIRECT }))
        .status,
    ).toBe(403);
    const refused = await admin.post('/api/v1/integrations/slack/connect', {
      code: 'wrong',
      redirectUri: REDIRECT,
    });
    expect(refused.status).toBe(401);
    expect(refused.json.error.details.reason).toBe('oauth_code_rejected');

    const connected = await admin.post('/api/v1/integrations/slack/connect', {
      code: 'slack-code',
      redirectUri: REDIRECT,
    });
    expect(connected.status, JSON.stringify(connected.json)).toBe(200);
    expect(connected.json.data).toEqual({ connected: true, workspaceName: 'Acme Patents', channelCount: 3 });
    expectNoTokens(connected.json);
    const exchange = providers.last('/slack/api/oauth.v2.access');
    expect(Object.fromEntries(new URLSearchParams(exchange.body))).toMatchObject({
      code: 'slack-code',
      redirect_uri: REDIRECT,
      client_id: 'slack-client',
    });
    const listing = providers.last('/slack/api/conversations.list');
    expect(listing.authorization).toBe(`Bearer ${tokens.slack}`);
    expect(listing.url).not.toContain(tokens.slack);

    const row = await storedRow('slack');
    expect(row.access_token_encrypted).not.toContain(tokens.slack);
    expect(unseal(row.access_token_encrypted, process.env.ENCRYPTION_KEY!)).toBe(tokens.slack);
    expect(row.config).toMatchObject({ account: 'Acme Patents', connectedBy: org.admin.id, channelCount: 3 });

    const cards = (await member.get('/api/v1/integrations')).json.data;
    expect(cards).toContainEqual(
      expect.objectContaining({
        provider: 'slack',
        available: true,
        connected: true,
        account: 'Acme Patents',
      }),
    );
    expectNoTokens(cards);
  });

  it('any member posts a message listing the selected assets of the org; another org’s asset is not found', async () => {
    const sent = await member.post('/api/v1/integrations/slack/notify', {
      channel: 'C2',
      message: 'Titles to review',
      assetIds: [org.assetIds[0], org.assetIds[1]],
    });
    expect(sent.status, JSON.stringify(sent.json)).toBe(200);
    expect(sent.json.data).toEqual({ sent: true, timestamp: '1700000000.000100' });
    const posted = providers.last('/slack/api/chat.postMessage');
    expect(posted.authorization).toBe(`Bearer ${tokens.slack}`);
    expect(JSON.parse(posted.body)).toEqual({
      channel: 'C2',
      text: 'Titles to review\n\n• US 9,000,000\n• US 9,000,001',
    });

    const foreign = await member.post('/api/v1/integrations/slack/notify', {
      channel: 'C2',
      message: 'x',
      assetIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreign.status).toBe(404);
    const tooLong = await member.post('/api/v1/integrations/slack/notify', {
      channel: 'C2',
      message: 'x'.repeat(4001),
    });
    expect(tooLong.status).toBe(400);
  });

  it('at most 10 messages per hour per organization', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 10; i += 1)
      answers.push(
        (await admin.post('/api/v1/integrations/slack/notify', { channel: 'C1', message: `m${i}` })).status,
      );
    // Two of the ten were spent by the previous test (one sent, one refused after the limit was counted).
    expect(answers.filter((s) => s === 200)).toHaveLength(8);
    const limited = await member.post('/api/v1/integrations/slack/notify', {
      channel: 'C1',
      message: 'again',
    });
    expect(limited.status).toBe(429);
    expect(limited.json.error.details.retryAfter).toBeGreaterThan(0);
  });

  it('disconnect removes the tokens; posting then says Slack is not connected', async () => {
    expect((await member.delete('/api/v1/integrations/slack')).status).toBe(403);
    expect((await admin.delete('/api/v1/integrations/slack')).json.data).toEqual({ success: true });
    expect(await storedRow('slack')).toBeUndefined();
    await env.redis.del(`${env.redisPrefix}:auth:rl:slack-notify:${org.orgId}`);
    const after = await member.post('/api/v1/integrations/slack/notify', { channel: 'C1', message: 'x' });
    expect(after.status).toBe(409);
    expect(after.json.error.details.reason).toBe('not_connected');
  });
});

describe('Google Drive (#69) and Teams (#71, #72)', () => {
  it('Drive connects with the PKCE verifier and keeps the refresh token sealed', async () => {
    const missing = await admin.post('/api/v1/integrations/google-drive/connect', {
      code: 'c',
      redirectUri: REDIRECT,
    });
    expect(missing.status).toBe(400);
    const codeVerifier = verifier();
    const connected = await admin.post('/api/v1/integrations/google-drive/connect', {
      code: 'drive-code',
      codeVerifier,
      redirectUri: REDIRECT,
    });
    expect(connected.json.data).toEqual({ connected: true, email: 'owner@acme.example.test' });
    expectNoTokens(connected.json);
    expect(new URLSearchParams(providers.last('/google/token').body).get('code_verifier')).toBe(codeVerifier);
    const row = await storedRow('google_drive');
    expect(unseal(row.refresh_token_encrypted, process.env.ENCRYPTION_KEY!)).toBe(tokens.driveRefresh);
    expect((await admin.delete('/api/v1/integrations/google-drive')).status).toBe(200);
  });

  it('Teams connects as its tenant and disconnects', async () => {
    const codeVerifier = verifier();
    const connected = await admin.post('/api/v1/integrations/teams/connect', {
      code: 'teams-code',
      codeVerifier,
      redirectUri: REDIRECT,
    });
    expect(connected.json.data).toEqual({ connected: true, tenantName: 'Acme Corporation' });
    expect(providers.last('/graph/v1.0/organization').authorization).toBe(`Bearer ${tokens.teams}`);
    expect((await storedRow('microsoft_teams')).config).toMatchObject({ account: 'Acme Corporation' });
    expect((await admin.delete('/api/v1/integrations/teams')).json.data).toEqual({ success: true });
    expect(await storedRow('microsoft_teams')).toBeUndefined();
  });
});
