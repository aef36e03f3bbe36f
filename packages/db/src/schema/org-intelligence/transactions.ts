import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { calendarDate, instant, tenantForeignKey } from '../columns';
import { activityCodes } from '../lookups/activity-codes';
import { conveyanceTypes } from '../lookups/conveyance-types';
import { entities } from '../patent-data/entities';
import { organizationId } from '../platform/organizations';
import { companies } from '../platform/portfolio';

export const partyRole = pgEnum('party_role', ['assignor', 'assignee']);
export const timelineCategory = pgEnum('timeline_category', [
  'employee',
  'ownership',
  'security',
  'administrative',
  'license',
]);

/** One row per (company, transaction, counterparty) with its transaction activity code. */
export const companyTransactionActivities = pgTable(
  'company_transaction_activities',
  {
    organizationId: organizationId(),
    companyId: uuid('company_id').notNull(),
    rfId: varchar('rf_id', { length: 16 }).notNull(),
    partyEntityId: uuid('party_entity_id')
      .notNull()
      .references(() => entities.id),
    activityId: smallint('activity_id')
      .notNull()
      .references(() => activityCodes.activityId),
    recordedEntityId: uuid('recorded_entity_id').references(() => entities.id),
    /** The security a release discharges, parsed from its conveyance text. */
    releaseRfId: varchar('release_rf_id', { length: 16 }),
  },
  (t) => [
    primaryKey({
      name: 'company_transaction_activities_pkey',
      columns: [t.organizationId, t.companyId, t.rfId, t.partyEntityId],
    }),
    tenantForeignKey('company_transaction_activities_company_fk', t.organizationId, t.companyId, companies),
  ],
);

/** One row per (transaction, counterparty) of a company's timeline. */
export const timelineEntries = pgTable(
  'timeline_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    companyId: uuid('company_id').notNull(),
    rfId: varchar('rf_id', { length: 16 }).notNull(),
    reelNo: integer('reel_no').notNull(),
    frameNo: integer('frame_no').notNull(),
    recordDt: calendarDate('record_dt'),
    execDt: calendarDate('exec_dt'),
    partyRole: partyRole('party_role').notNull(),
    originalName: varchar('original_name', { length: 500 }).notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    conveyTy: varchar('convey_ty', { length: 24 })
      .notNull()
      .references(() => conveyanceTypes.conveyTy),
    employerAssign: boolean('employer_assign').notNull().default(false),
    category: timelineCategory('category').notNull(),
    sequence: integer('sequence').notNull(),
    computedAt: instant('computed_at').notNull().defaultNow(),
  },
  (t) => [
    unique('timeline_entries_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('timeline_entries_company_fk', t.organizationId, t.companyId, companies),
    unique('timeline_entries_party_key').on(t.organizationId, t.companyId, t.rfId, t.partyRole, t.entityId),
    index('timeline_entries_record_dt_idx').on(t.organizationId, t.companyId, sql`${t.recordDt} DESC`),
    index('timeline_entries_rf_id_idx').on(t.rfId),
  ],
);
