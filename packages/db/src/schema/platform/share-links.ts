import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  inet,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, tenantForeignKey, updatedAt } from '../columns';
import { organizationId } from './organizations';
import { assets } from './portfolio';
import { users } from './users';

export const shareAccessOutcome = pgEnum('share_access_outcome', [
  'granted',
  'expired',
  'exhausted',
  'revoked',
]);

/** Read-only public links to up to 100 assets (BR-044…047); redeemed only via share_link_redeem(). */
export const shareLinks = pgTable(
  'share_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    /** CUID2, 24–32 characters. */
    shareCode: varchar('share_code', { length: 32 }).notNull().unique('share_links_share_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    allowDiagram: boolean('allow_diagram').notNull().default(true),
    allowAssetList: boolean('allow_asset_list').notNull().default(true),
    allowConnections: boolean('allow_connections').notNull().default(false),
    /** Null means "never"; only admins may set that. */
    expiresAt: instant('expires_at'),
    maxUses: integer('max_uses'),
    useCount: integer('use_count').notNull().default(0),
    lastAccessedAt: instant('last_accessed_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('share_links_org_id_key').on(t.organizationId, t.id),
    check('share_links_max_uses_check', sql`${t.maxUses} IS NULL OR ${t.maxUses} > 0`),
    check('share_links_use_count_check', sql`${t.maxUses} IS NULL OR ${t.useCount} <= ${t.maxUses}`),
  ],
);

export const shareLinkAssets = pgTable(
  'share_link_assets',
  {
    organizationId: organizationId(),
    shareLinkId: uuid('share_link_id').notNull(),
    assetId: uuid('asset_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'share_link_assets_pkey', columns: [t.shareLinkId, t.assetId] }),
    tenantForeignKey('share_link_assets_link_fk', t.organizationId, t.shareLinkId, shareLinks),
    tenantForeignKey('share_link_assets_asset_fk', t.organizationId, t.assetId, assets),
  ],
);

export const shareAccessLogs = pgTable(
  'share_access_logs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: organizationId(),
    shareLinkId: uuid('share_link_id').notNull(),
    ipAddress: inet('ip_address').notNull(),
    userAgent: text('user_agent'),
    outcome: shareAccessOutcome('outcome').notNull(),
    accessedAt: instant('accessed_at').notNull().defaultNow(),
  },
  (t) => [
    unique('share_access_logs_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('share_access_logs_link_fk', t.organizationId, t.shareLinkId, shareLinks),
    index('share_access_logs_link_accessed_idx').on(t.shareLinkId, sql`${t.accessedAt} DESC`),
  ],
);
