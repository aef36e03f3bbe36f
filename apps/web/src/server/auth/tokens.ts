import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import { AppError, USER_ROLES } from '@patentrack/shared';
import { ACCESS_TOKEN_TTL_S, CLOCK_SKEW_S, MFA_CHALLENGE_TTL_S } from './config';

const ISSUER = 'patentrack';
/** Each token kind has its own audience, so one kind can never be replayed as another. */
const AUDIENCE = { access: 'patentrack:access', share: 'patentrack:share', mfa: 'patentrack:mfa' } as const;

const accessClaimsSchema = z.object({
  sub: z.uuid(),
  org_id: z.uuid(),
  role: z.enum(USER_ROLES),
  sid: z.string().min(16),
  mfa: z.boolean(),
});
export interface AccessClaims {
  userId: string;
  orgId: string;
  role: (typeof USER_ROLES)[number];
  sessionId: string;
  /** True when this session passed a TOTP check (mandatory for super admins, S-28). */
  mfa: boolean;
}

const sharePermissionsSchema = z.object({
  diagram: z.boolean(),
  assetList: z.boolean(),
  connections: z.boolean(),
});
export type SharePermissions = z.infer<typeof sharePermissionsSchema>;

const shareClaimsSchema = z.object({
  scope: z.literal('share:read'),
  share_link_id: z.uuid(),
  code: z.string(),
  org_id: z.uuid(),
  asset_ids: z.array(z.uuid()).max(100),
  permissions: sharePermissionsSchema,
});
export interface ShareClaims {
  shareLinkId: string;
  code: string;
  orgId: string;
  assetIds: string[];
  permissions: SharePermissions;
}

const mfaClaimsSchema = z.object({ sub: z.uuid(), org_id: z.uuid() });

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

async function sign(payload: JWTPayload, secret: string, audience: string, ttlSeconds: number, now: number) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key(secret));
}

/** Verifies signature (HS256 only: `alg: none` and key confusion are refused), audience, expiry; any failure is a 401. */
async function verify<T>(
  token: string,
  secret: string,
  audience: string,
  schema: z.ZodType<T>,
  now?: number,
): Promise<T & { exp: number }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience,
      clockTolerance: CLOCK_SKEW_S,
      currentDate: now === undefined ? undefined : new Date(now * 1000),
      requiredClaims: ['exp', 'iat'],
    });
    return { ...schema.parse(payload), exp: payload.exp! };
  } catch {
    throw new AppError('UNAUTHORIZED', 'Authentication required');
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function signAccessToken(claims: AccessClaims, secret: string, now = nowSeconds()): Promise<string> {
  return sign(
    { sub: claims.userId, org_id: claims.orgId, role: claims.role, sid: claims.sessionId, mfa: claims.mfa },
    secret,
    AUDIENCE.access,
    ACCESS_TOKEN_TTL_S,
    now,
  );
}

export async function verifyAccessToken(
  token: string,
  secret: string,
  now?: number,
): Promise<AccessClaims & { exp: number }> {
  const claims = await verify(token, secret, AUDIENCE.access, accessClaimsSchema, now);
  return {
    userId: claims.sub,
    orgId: claims.org_id,
    role: claims.role,
    sessionId: claims.sid,
    mfa: claims.mfa,
    exp: claims.exp,
  };
}

export function signShareToken(
  claims: ShareClaims,
  secret: string,
  ttlSeconds: number,
  now = nowSeconds(),
): Promise<string> {
  return sign(
    {
      scope: 'share:read',
      share_link_id: claims.shareLinkId,
      code: claims.code,
      org_id: claims.orgId,
      asset_ids: claims.assetIds,
      permissions: claims.permissions,
    },
    secret,
    AUDIENCE.share,
    ttlSeconds,
    now,
  );
}

export async function verifyShareToken(
  token: string,
  secret: string,
  now?: number,
): Promise<ShareClaims & { exp: number }> {
  const claims = await verify(token, secret, AUDIENCE.share, shareClaimsSchema, now);
  return {
    shareLinkId: claims.share_link_id,
    code: claims.code,
    orgId: claims.org_id,
    assetIds: claims.asset_ids,
    permissions: claims.permissions,
    exp: claims.exp,
  };
}

/** Short-lived proof that the password step passed; only the TOTP step accepts it. */
export function signMfaChallenge(
  userId: string,
  orgId: string,
  secret: string,
  now = nowSeconds(),
): Promise<string> {
  return sign({ sub: userId, org_id: orgId }, secret, AUDIENCE.mfa, MFA_CHALLENGE_TTL_S, now);
}

export async function verifyMfaChallenge(
  token: string,
  secret: string,
  now?: number,
): Promise<{ userId: string; orgId: string }> {
  const claims = await verify(token, secret, AUDIENCE.mfa, mfaClaimsSchema, now);
  return { userId: claims.sub, orgId: claims.org_id };
}
