import { sql } from 'drizzle-orm';
import { index, inet, jsonb, pgEnum, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt } from '../columns';
import { organizations } from './organizations';
import { shareLinks } from './share-links';
import { users } from './users';

export const auditActorType = pgEnum('audit_actor_type', ['user', 'share', 'system', 'worker']);

/** Append-only audit trail; the app role may insert and read (admins), never update or delete. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for platform actions; kept (set null) when the organization is deleted. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    actorType: auditActorType('actor_type').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorShareLinkId: uuid('actor_share_link_id').references(() => shareLinks.id, { onDelete: 'set null' }),
    action: varchar('action', { length: 100 }).notNull(),
    targetType: varchar('target_type', { length: 50 }),
    targetId: varchar('target_id', { length: 255 }),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    requestId: varchar('request_id', { length: 100 }),
    metadata: jsonb('metadata').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    unique('audit_events_org_id_key').on(t.organizationId, t.id),
    index('audit_events_org_created_idx').on(t.organizationId, sql`${t.createdAt} DESC`),
    index('audit_events_actor_created_idx').on(t.actorUserId, sql`${t.createdAt} DESC`),
    index('audit_events_action_idx').on(t.action),
  ],
);
