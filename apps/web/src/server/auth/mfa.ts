import { eq } from 'drizzle-orm';
import { AppError, type UserRole } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import { users } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';
import { recordAudit, userContext, type CredentialRow } from './accounts';
import { seal, unseal } from '@patentrack/shared/encryption';
import {
  assertAccountUsable,
  assertNotLockedOut,
  completeLogin,
  recordCredentialFailure,
  type LoginResult,
  type RequestMeta,
} from './login';
import { emailCode, normalizeEmailCode, safeEqual, sha256Hex } from './secrets';
import { base32Decode, generateTotpSecret, matchTotp, totpUri } from './totp';
import { verifyMfaChallenge } from './tokens';

const BACKUP_CODE_COUNT = 10;

/** What `users.mfa_secret_encrypted` holds once unsealed: the TOTP seed and the hashes of unused backup codes. */
interface MfaSecret {
  secret: string;
  backupCodeHashes: string[];
}

async function loadMfaUser(deps: ServerDeps, userId: string, orgId: string) {
  const [row] = await withTenant(
    deps.db,
    { orgId, userId, role: 'member', scope: 'user', shareLinkId: null },
    (tx) => tx.select().from(users).where(eq(users.id, userId)),
  );
  if (!row || row.deletedAt) throw new AppError('UNAUTHORIZED', 'Sign in again');
  const sealed = row.mfaSecretEncrypted
    ? (JSON.parse(unseal(row.mfaSecretEncrypted, deps.env.ENCRYPTION_KEY)) as MfaSecret)
    : null;
  return { row, mfa: sealed };
}

/** Starts TOTP enrolment (product.md #10): the secret is stored sealed and only takes effect once a code confirms it. */
export async function setupMfa(
  deps: ServerDeps,
  principal: { userId: string; orgId: string; role: UserRole },
  meta: RequestMeta,
) {
  const { row } = await loadMfaUser(deps, principal.userId, principal.orgId);
  if (row.mfaEnabled) throw new AppError('CONFLICT', 'Two-factor authentication is already enabled');
  const secret = generateTotpSecret();
  const backupCodes = Array.from({ length: BACKUP_CODE_COUNT }, () => emailCode(10));
  const stored: MfaSecret = { secret, backupCodeHashes: backupCodes.map((c) => sha256Hex(c)) };
  await withTenant(
    deps.db,
    userContext({ id: principal.userId, organizationId: principal.orgId, role: principal.role }),
    async (tx) => {
      await tx
        .update(users)
        .set({ mfaSecretEncrypted: seal(JSON.stringify(stored), deps.env.ENCRYPTION_KEY) })
        .where(eq(users.id, principal.userId));
      await recordAudit(tx, principal.orgId, {
        action: 'user.mfa_setup',
        actorUserId: principal.userId,
        targetType: 'user',
        targetId: principal.userId,
        ...meta,
      });
    },
  );
  return { secret, qrCodeUrl: totpUri(secret, row.email), backupCodes };
}

/**
 * Checks a TOTP code (refusing the replay of an already used time step) or consumes one backup code.
 * Returns the secret to store afterwards (a used backup code is removed), or null when the code is wrong.
 */
async function checkSecondFactor(
  deps: ServerDeps,
  userId: string,
  mfa: MfaSecret,
  code: string,
  isBackupCode: boolean,
): Promise<MfaSecret | null> {
  if (isBackupCode) {
    const hash = sha256Hex(normalizeEmailCode(code));
    const match = mfa.backupCodeHashes.find((candidate) => safeEqual(candidate, hash));
    return match ? { ...mfa, backupCodeHashes: mfa.backupCodeHashes.filter((h) => h !== match) } : null;
  }
  const step = matchTotp(base32Decode(mfa.secret), code.trim(), Math.floor(Date.now() / 1000));
  if (step === null) return null;
  const key = deps.keys.totpUsedStep(userId);
  const lastUsed = Number((await deps.redis.get(key)) ?? '-1');
  if (step <= lastUsed) return null;
  await deps.redis.set(key, String(step), 'EX', 300);
  return mfa;
}

export interface MfaVerifyInput {
  mfaToken?: string;
  code: string;
  isBackupCode: boolean;
}

/**
 * Product.md #11: with `mfaToken`, the second login step; without, the signed-in caller confirms enrolment.
 * Failures count towards the same progressive lockout as passwords.
 */
export async function verifyMfa(
  deps: ServerDeps,
  input: MfaVerifyInput,
  signedIn: { userId: string; orgId: string; sessionId: string } | null,
  meta: RequestMeta,
): Promise<LoginResult> {
  const subject = input.mfaToken ? await verifyMfaChallenge(input.mfaToken, deps.env.JWT_SECRET) : signedIn;
  if (!subject) throw new AppError('UNAUTHORIZED', 'Authentication required');
  const { row, mfa } = await loadMfaUser(deps, subject.userId, subject.orgId);
  const email = row.email.toLowerCase();
  const credentials: CredentialRow = {
    id: row.id,
    organizationId: row.organizationId,
    passwordHash: row.passwordHash,
    role: row.role,
    status: row.status,
    mfaEnabled: row.mfaEnabled,
    emailVerifiedAt: row.emailVerifiedAt,
  };
  await assertNotLockedOut(deps, email);
  const enrolling = !input.mfaToken;
  if (!mfa || (enrolling ? row.mfaEnabled : !row.mfaEnabled) || (enrolling && input.isBackupCode)) {
    throw new AppError(
      'BAD_REQUEST',
      enrolling ? 'Start two-factor setup first' : 'Two-factor authentication is not enabled',
    );
  }
  const updated = await checkSecondFactor(deps, row.id, mfa, input.code, input.isBackupCode);
  if (!updated) {
    await recordCredentialFailure(deps, email, credentials, meta);
    throw new AppError('UNAUTHORIZED', 'Invalid code');
  }
  assertAccountUsable(credentials);
  await deps.lockout.reset(email);
  await withTenant(deps.db, userContext(credentials), async (tx) => {
    await tx
      .update(users)
      .set({ mfaEnabled: true, mfaSecretEncrypted: seal(JSON.stringify(updated), deps.env.ENCRYPTION_KEY) })
      .where(eq(users.id, row.id));
    if (enrolling)
      await recordAudit(tx, row.organizationId, {
        action: 'user.mfa_enabled',
        actorUserId: row.id,
        targetType: 'user',
        targetId: row.id,
        ...meta,
      });
  });
  // Enrolment upgrades the caller's session: the old one (without a second factor) ends.
  if (signedIn && enrolling) await deps.sessions.close(signedIn.userId, signedIn.sessionId);
  return completeLogin(deps, { ...credentials, mfaEnabled: true }, true, meta);
}
