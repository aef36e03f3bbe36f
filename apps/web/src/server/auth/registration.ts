import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import { customerConfigurations, organizations, userTokens, users } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';
import {
  consumeUserToken,
  findCredentials,
  issueUserToken,
  recordAudit,
  splitName,
  userContext,
} from './accounts';
import { EMAIL_CODE_MAX_ATTEMPTS, EMAIL_CODE_TTL_S } from './config';
import type { RequestMeta } from './login';
import { hashPassword } from './passwords';
import { emailCode, normalizeEmailCode, sha256Hex } from './secrets';

function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base || 'org'}-${randomUUID().slice(0, 8)}`;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string }; code?: string }) ?? {};
  return cause.code === '23505' || cause.cause?.code === '23505';
}

/** Writes a fresh 8-character verification code (stored hashed) and mails it. */
async function sendVerificationCode(
  deps: ServerDeps,
  user: { id: string; organizationId: string; email: string },
) {
  const code = emailCode();
  await withTenant(deps.db, userContext({ ...user, role: 'member' }), async (tx) => {
    await issueUserToken(
      tx,
      { userId: user.id, organizationId: user.organizationId },
      'email_verify',
      code,
      EMAIL_CODE_TTL_S,
    );
  });
  await deps.redis.del(deps.keys.emailCodeAttempts(user.id, 'email_verify'));
  await deps.mail.send({
    to: user.email,
    subject: 'Your PatenTrack verification code',
    text: `Your verification code is ${code}. It expires in one hour.`,
    template: 'verify-email',
    data: { code },
  });
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  organizationName?: string;
}

/**
 * Self-service sign-up (product.md #4): a new organization in `provisioning` (no data, no pipeline until a super
 * admin approves it) whose first user is its admin, pending email verification.
 */
export async function register(deps: ServerDeps, input: RegisterInput, meta: RequestMeta) {
  const email = input.email.trim().toLowerCase();
  if (await findCredentials(deps, email))
    throw new AppError('CONFLICT', 'An account with this email already exists');
  const orgId = randomUUID();
  const userId = randomUUID();
  const orgName = input.organizationName?.trim() || `${input.name.trim()} (personal)`;
  const passwordHash = await hashPassword(input.password, deps.bcryptCost);
  try {
    await withTenant(
      deps.db,
      { orgId, userId, role: 'admin', scope: 'user', shareLinkId: null },
      async (tx) => {
        await tx.insert(organizations).values({
          id: orgId,
          name: orgName,
          slug: slugOf(orgName),
          status: 'provisioning',
          awaitingApproval: true,
        });
        await tx.insert(customerConfigurations).values({ organizationId: orgId });
        await tx.insert(users).values({
          id: userId,
          organizationId: orgId,
          email,
          passwordHash,
          role: 'admin',
          status: 'pending',
          ...splitName(input.name),
        });
        await recordAudit(tx, orgId, {
          action: 'user.register',
          actorUserId: userId,
          targetType: 'organization',
          targetId: orgId,
          ...meta,
        });
      },
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', 'An account or organization with this name already exists');
    throw error;
  }
  await sendVerificationCode(deps, { id: userId, organizationId: orgId, email });
  return { userId, verificationRequired: true };
}

const CODE_REJECTED = () =>
  new AppError('UNAUTHORIZED', 'The code is invalid or has expired; request a new one');

/** Confirms an email with its 8-character code (product.md #5): single use, 1 h, at most 5 attempts (S-24). */
export async function verifyEmail(
  deps: ServerDeps,
  input: { email: string; code: string },
  meta: RequestMeta,
) {
  const user = await findCredentials(deps, input.email.trim().toLowerCase());
  if (!user) throw CODE_REJECTED();
  const attemptsKey = deps.keys.emailCodeAttempts(user.id, 'email_verify');
  const attempts = await deps.redis.incr(attemptsKey);
  await deps.redis.expire(attemptsKey, EMAIL_CODE_TTL_S);
  if (attempts > EMAIL_CODE_MAX_ATTEMPTS) {
    // The sixth try burns every open code: a new one must be requested.
    await withTenant(deps.db, userContext(user), (tx) =>
      tx
        .update(userTokens)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(userTokens.userId, user.id),
            eq(userTokens.purpose, 'email_verify'),
            isNull(userTokens.usedAt),
          ),
        ),
    );
    throw CODE_REJECTED();
  }
  const consumed = await consumeUserToken(deps, sha256Hex(normalizeEmailCode(input.code)), 'email_verify');
  if (!consumed || consumed.userId !== user.id) throw CODE_REJECTED();
  await deps.redis.del(attemptsKey);
  await withTenant(deps.db, userContext(user), async (tx) => {
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), status: 'active' })
      .where(and(eq(users.id, user.id), eq(users.status, 'pending')));
    await recordAudit(tx, user.organizationId, {
      action: 'user.email_verified',
      actorUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      ...meta,
    });
  });
  return { verified: true };
}

/** Sends a new verification code to a pending account; silent for unknown or already verified emails. */
export async function resendVerification(deps: ServerDeps, email: string): Promise<void> {
  const user = await findCredentials(deps, email.trim().toLowerCase());
  if (!user || user.status !== 'pending') return;
  await sendVerificationCode(deps, {
    id: user.id,
    organizationId: user.organizationId,
    email: email.trim().toLowerCase(),
  });
}
