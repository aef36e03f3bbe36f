import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, instant, tenantForeignKey, updatedAt } from '../columns';
import { entities } from '../patent-data/entities';
import { organizationId } from './organizations';
import { users } from './users';

export const integrationProvider = pgEnum('integration_provider', [
  'slack',
  'microsoft_teams',
  'google_drive',
]);
export const integrationStatus = pgEnum('integration_status', ['active', 'error', 'disabled']);
export const activitySubjectType = pgEnum('activity_subject_type', [
  'patent',
  'entity',
  'transaction',
  'asset',
  'company',
]);
export const commentResourceType = pgEnum('comment_resource_type', [
  'patent',
  'transaction',
  'entity',
  'asset',
  'activity',
]);
export const collectionType = pgEnum('collection_type', ['patents', 'entities', 'mixed']);
export const collectionItemType = pgEnum('collection_item_type', ['patent', 'entity', 'asset']);

/** Third-party integrations; tokens are encrypted in the app with a key that never enters the database. */
export const integrations = pgTable(
  'integrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    provider: integrationProvider('provider').notNull(),
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    tokenExpiresAt: instant('token_expires_at'),
    config: jsonb('config').notNull().default({}),
    status: integrationStatus('status').notNull().default('active'),
    lastSyncAt: instant('last_sync_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('integrations_org_id_key').on(t.organizationId, t.id),
    unique('integrations_org_provider_key').on(t.organizationId, t.provider),
  ],
);

/** User notes and tasks (legacy per-customer `activity`), not transaction activity codes. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    userId: uuid('user_id').notNull(),
    /** Legacy seed: 1 fix, 2 record, 3 asset, 4 transaction, 5 customer, 6 company, 7 error. */
    typeCode: smallint('type_code').notNull(),
    subjectType: activitySubjectType('subject_type').notNull(),
    subject: varchar('subject', { length: 500 }).notNull(),
    comment: text('comment'),
    documentRef: varchar('document_ref', { length: 255 }),
    relatedEntityId: uuid('related_entity_id').references(() => entities.id, { onDelete: 'set null' }),
    uploadObjectKey: varchar('upload_object_key', { length: 500 }),
    isComplete: boolean('is_complete').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('activities_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('activities_user_fk', t.organizationId, t.userId, users),
    index('activities_org_created_idx').on(t.organizationId, sql`${t.createdAt} DESC`),
    index('activities_user_id_idx').on(t.userId),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    userId: uuid('user_id').notNull(),
    resourceType: commentResourceType('resource_type').notNull(),
    resourceId: varchar('resource_id', { length: 255 }).notNull(),
    content: text('content').notNull(),
    parentId: uuid('parent_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('comments_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('comments_user_fk', t.organizationId, t.userId, users),
    tenantForeignKey('comments_parent_fk', t.organizationId, t.parentId, t),
    index('comments_resource_idx').on(t.resourceType, t.resourceId),
  ],
);

export const collections = pgTable(
  'collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    userId: uuid('user_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    collectionType: collectionType('collection_type').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('collections_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('collections_user_fk', t.organizationId, t.userId, users),
  ],
);

export const collectionItems = pgTable(
  'collection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    collectionId: uuid('collection_id').notNull(),
    itemType: collectionItemType('item_type').notNull(),
    itemId: varchar('item_id', { length: 255 }).notNull(),
    sequence: integer('sequence').notNull().default(0),
    addedAt: instant('added_at').notNull().defaultNow(),
  },
  (t) => [
    unique('collection_items_org_id_key').on(t.organizationId, t.id),
    unique('collection_items_item_key').on(t.collectionId, t.itemType, t.itemId),
    tenantForeignKey('collection_items_collection_fk', t.organizationId, t.collectionId, collections),
  ],
);
