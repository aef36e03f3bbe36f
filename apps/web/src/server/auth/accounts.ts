import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, type UserRole } from '@patentrack/shared';
import { withTenant, type TenantContext, type Tx } from '@patentrack/db';
import { auditEvents, organizations, userTokens, users } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';
import { sha256Hex } from './secrets';

/** The credential row `auth_find_user_by_email` exposes before any tenant context exists (data-model §7.6). */
export interface CredentialRow {
  id: string;
  organizationId: string;
  passwordHash: string | null;
  role: UserRole;
  status: 'pending' | 'active' | 'inactive' | 'locked';
  mfaEnabled: boolean;
  emailVerifiedAt: Date | null;
}

export const NO_TENANT: TenantContext = {
  orgId: null,
  userId: null,
  role: null,
  scope: 'user',
  shareLinkId: null,
};

export function userContext(user: { id: string; organizationId: string; role: UserRole }): TenantContext {
  return { orgId: user.organizationId, userId: user.id, role: user.role, scope: 'user', shareLinkId: null };
}

/** Runs one of the definer look-ups that return a credential row (data-model §7.6). */
async function credentialsOf(deps: ServerDeps, lookup: SQL): Promise<CredentialRow | null> {
  return withTenant(deps.db, NO_TENANT, async (tx) => {
    const result = await tx.execute<{
      id: string;
      organization_id: string;
      password_hash: string | null;
      role: UserRole;
      status: CredentialRow['status'];
      mfa_enabled: boolean;
      email_verified_at: Date | null;
    }>(lookup);
    const row = result.rows[0];
    return row
      ? {
          id: row.id,
          organizationId: row.organization_id,
          passwordHash: row.password_hash,
          role: row.role,
          status: row.status,
          mfaEnabled: row.mfa_enabled,
          emailVerifiedAt: row.email_verified_at,
        }
      : null;
  });
}

export function findCredentials(deps: ServerDeps, email: string): Promise<CredentialRow | null> {
  return credentialsOf(deps, sql`select * from auth_find_user_by_email(${email})`);
}

/** The account a provider identity (`user_identities`) is linked to. */
export function findCredentialsByIdentity(
  deps: ServerDeps,
  provider: 'google' | 'microsoft',
  providerAccountId: string,
): Promise<CredentialRow | null> {
  return credentialsOf(
    deps,
    sql`select * from auth_find_user_by_identity(${provider}::identity_provider, ${providerAccountId})`,
  );
}

/**
 * Stores a new single-use token of `purpose` (hashed, expiring after `ttlSeconds`) for the user and ends the
 * user's earlier open tokens of that purpose, in the caller's transaction.
 */
export async function issueUserToken(
  tx: Tx,
  owner: { userId: string; organizationId: string },
  purpose: 'email_verify' | 'password_reset' | 'invite',
  secret: string,
  ttlSeconds: number,
): Promise<void> {
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(eq(userTokens.userId, owner.userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)),
    );
  await tx.insert(userTokens).values({
    organizationId: owner.organizationId,
    userId: owner.userId,
    purpose,
    tokenHash: sha256Hex(secret),
    expiresAt: new Date(Date.now() + ttlSeconds * 1000),
  });
}

/** Consumes a single-use email code, reset or invite token by its SHA-256 (expiry, attempts and reuse checked atomically). */
export async function consumeUserToken(
  deps: ServerDeps,
  tokenHash: string,
  purpose: 'email_verify' | 'password_reset' | 'invite',
): Promise<{ userId: string; organizationId: string } | null> {
  return withTenant(deps.db, NO_TENANT, async (tx) => {
    const result = await tx.execute<{ user_id: string; organization_id: string }>(
      sql`select * from auth_consume_token(${tokenHash}, ${purpose}::token_purpose)`,
    );
    const row = result.rows[0];
    return row ? { userId: row.user_id, organizationId: row.organization_id } : null;
  });
}

export interface AuditInput {
  action: string;
  actorUserId?: string | null;
  actorShareLinkId?: string | null;
  actorType?: 'user' | 'share' | 'system';
  targetType?: string;
  targetId?: string;
  ip?: string;
  userAgent?: string | null;
  requestId?: string;
  metadata?: Record<string, unknown>;
}

/** Appends one audit row in the caller's transaction, so the action and its record commit together. */
export async function recordAudit(tx: Tx, organizationId: string | null, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    organizationId,
    actorType: input.actorType ?? 'user',
    actorUserId: input.actorUserId ?? null,
    actorShareLinkId: input.actorShareLinkId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    ipAddress: input.ip,
    userAgent: input.userAgent ?? null,
    requestId: input.requestId,
    metadata: input.metadata ?? {},
  });
}

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  orgId: string;
  mfaEnabled: boolean;
  preferences: { darkMode: boolean | null };
}

export async function loadUser(tx: Tx, userId: string): Promise<PublicUser> {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!row) throw AppError.notFound('User');
  const preferences = (row.preferences ?? {}) as { darkMode?: boolean | null };
  return {
    id: row.id,
    email: row.email,
    name: [row.firstName, row.lastName].filter(Boolean).join(' '),
    role: row.role,
    orgId: row.organizationId,
    mfaEnabled: row.mfaEnabled,
    preferences: { darkMode: preferences.darkMode ?? null },
  };
}

export async function loadOrganizationSummary(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  if (!row) throw AppError.notFound('Organization');
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    awaitingApproval: row.awaitingApproval,
    logoUrl: row.logoObjectKey ? `/api/v1/organizations/${row.id}/logo` : null,
  };
}

/** `name` of the sign-up form split into the stored first/last name columns. */
export function splitName(name: string): { firstName: string; lastName: string | null } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const space = trimmed.indexOf(' ');
  return space < 0
    ? { firstName: trimmed.slice(0, 100), lastName: null }
    : { firstName: trimmed.slice(0, space).slice(0, 100), lastName: trimmed.slice(space + 1).slice(0, 100) };
}
