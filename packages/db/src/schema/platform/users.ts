import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { USER_ROLES } from '@patentrack/shared';
import { createdAt, deletedAt, instant, tenantForeignKey, updatedAt } from '../columns';
import { organizationId } from './organizations';

export const userRole = pgEnum('user_role', USER_ROLES);
export const userStatus = pgEnum('user_status', ['pending', 'active', 'inactive', 'locked']);
export const identityProvider = pgEnum('identity_provider', ['google', 'microsoft']);
export const tokenPurpose = pgEnum('token_purpose', ['email_verify', 'password_reset', 'invite']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    email: varchar('email', { length: 320 }).notNull(),
    username: varchar('username', { length: 255 }),
    /** bcrypt cost 12; null means SSO only. */
    passwordHash: text('password_hash'),
    firstName: varchar('first_name', { length: 100 }),
    lastName: varchar('last_name', { length: 100 }),
    role: userRole('role').notNull().default('member'),
    status: userStatus('status').notNull().default('pending'),
    emailVerifiedAt: instant('email_verified_at'),
    mfaEnabled: boolean('mfa_enabled').notNull().default(false),
    mfaSecretEncrypted: text('mfa_secret_encrypted'),
    preferences: jsonb('preferences').notNull().default({}),
    lastLoginAt: instant('last_login_at'),
    legacyUserId: integer('legacy_user_id'),
    createdBy: uuid('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('users_org_id_key').on(t.organizationId, t.id),
    /** Global, so login can resolve the tenant from the email. */
    uniqueIndex('users_email_key')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('users_username_key')
      .on(t.organizationId, sql`lower(${t.username})`)
      .where(sql`${t.deletedAt} IS NULL AND ${t.username} IS NOT NULL`),
  ],
);

export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    userId: uuid('user_id').notNull(),
    provider: identityProvider('provider').notNull(),
    providerAccountId: varchar('provider_account_id', { length: 255 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('user_identities_org_id_key').on(t.organizationId, t.id),
    unique('user_identities_provider_account_key').on(t.provider, t.providerAccountId),
    tenantForeignKey('user_identities_user_fk', t.organizationId, t.userId, users),
  ],
);

/** Hashed single-use tokens (BR-052/053); the plaintext is never stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    userId: uuid('user_id').notNull(),
    purpose: tokenPurpose('purpose').notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique('user_tokens_token_hash_key'),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique('user_tokens_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('user_tokens_user_fk', t.organizationId, t.userId, users),
    index('user_tokens_open_idx')
      .on(t.userId, t.purpose)
      .where(sql`${t.usedAt} IS NULL`),
  ],
);
