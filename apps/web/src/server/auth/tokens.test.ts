import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import {
  signAccessToken,
  signShareToken,
  verifyAccessToken,
  verifyMfaChallenge,
  verifyShareToken,
  signMfaChallenge,
} from './tokens';

const secret = 'k'.repeat(48);
const claims = {
  userId: '0190a3c4-0000-7000-8000-000000000001',
  orgId: '0190a3c4-0000-7000-8000-0000000000aa',
  role: 'member' as const,
  sessionId: 'session-id-abcdefghij',
  mfa: false,
};
const T = 1_750_000_000;

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('access tokens (BR-050, S-29)', () => {
  it('round-trips the claims {sub, org_id, role}', async () => {
    const token = await signAccessToken(claims, secret, T);
    await expect(verifyAccessToken(token, secret, T + 60)).resolves.toMatchObject(claims);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ sub: claims.userId, org_id: claims.orgId, role: 'member', exp: T + 900 });
  });

  it('expires after 15 minutes plus at most 30 s of clock skew', async () => {
    const token = await signAccessToken(claims, secret, T);
    await expect(verifyAccessToken(token, secret, T + 15 * 60 + 29)).resolves.toBeTruthy();
    await expect(verifyAccessToken(token, secret, T + 15 * 60 + 31)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses alg "none"', async () => {
    const header = b64url({ alg: 'none', typ: 'JWT' });
    const body = b64url({
      sub: claims.userId,
      org_id: claims.orgId,
      role: 'super_admin',
      sid: claims.sessionId,
      mfa: true,
      iat: T,
      exp: T + 900,
      iss: 'patentrack',
      aud: 'patentrack:access',
    });
    await expect(verifyAccessToken(`${header}.${body}.`, secret, T)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses a token signed with another key', async () => {
    const token = await signAccessToken(claims, 'z'.repeat(48), T);
    await expect(verifyAccessToken(token, secret, T)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses modified claims (role escalation keeps the old signature)', async () => {
    const [header, payload, signature] = (await signAccessToken(claims, secret, T)).split('.');
    const escalated = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'super_admin' };
    await expect(
      verifyAccessToken(`${header}.${b64url(escalated)}.${signature}`, secret, T),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a correctly signed token of another kind or with a missing claim', async () => {
    const share = await signShareToken(
      {
        shareLinkId: claims.orgId,
        code: 'c'.repeat(32),
        orgId: claims.orgId,
        assetIds: [],
        permissions: { diagram: true, assetList: true, connections: false },
      },
      secret,
      3600,
      T,
    );
    await expect(verifyAccessToken(share, secret, T)).rejects.toMatchObject({ status: 401 });
    const noRole = await new SignJWT({
      sub: claims.userId,
      org_id: claims.orgId,
      sid: claims.sessionId,
      mfa: false,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('patentrack')
      .setAudience('patentrack:access')
      .setIssuedAt(T)
      .setExpirationTime(T + 900)
      .sign(new TextEncoder().encode(secret));
    await expect(verifyAccessToken(noRole, secret, T)).rejects.toMatchObject({ status: 401 });
  });
});

describe('share and MFA tokens', () => {
  it('S-03: a share token carries share:read, its link and asset list, and no user identity', async () => {
    const token = await signShareToken(
      {
        shareLinkId: claims.orgId,
        code: 'a'.repeat(32),
        orgId: claims.orgId,
        assetIds: [claims.userId],
        permissions: { diagram: true, assetList: false, connections: false },
      },
      secret,
      3600,
      T,
    );
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload.scope).toBe('share:read');
    expect(payload).not.toHaveProperty('sub');
    expect(payload).not.toHaveProperty('role');
    await expect(verifyShareToken(token, secret, T)).resolves.toMatchObject({ assetIds: [claims.userId] });
    await expect(verifyAccessToken(token, secret, T)).rejects.toMatchObject({ status: 401 });
  });

  it('an MFA challenge is not an access token', async () => {
    const challenge = await signMfaChallenge(claims.userId, claims.orgId, secret, T);
    await expect(verifyMfaChallenge(challenge, secret, T)).resolves.toEqual({
      userId: claims.userId,
      orgId: claims.orgId,
    });
    await expect(verifyAccessToken(challenge, secret, T)).rejects.toMatchObject({ status: 401 });
    await expect(verifyMfaChallenge(challenge, secret, T + 5 * 60 + 31)).rejects.toMatchObject({
      status: 401,
    });
  });
});
