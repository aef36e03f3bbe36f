import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, instant, sourceJobId, updatedAt } from '../columns';
import { conveyanceTypes } from '../lookups/conveyance-types';
import { users } from '../platform/users';
import { entities } from './entities';

export const assignmentStatus = pgEnum('assignment_status', ['active', 'void']);
export const conveyanceSource = pgEnum('conveyance_source', ['override', 'keyword', 'inventor_match']);

/**
 * Recorded assignments keyed by canonical reel-frame. HASH(rf_id) partitioned, 16 partitions, like
 * every table of the assignment family (partition DDL lives in the SQL migration).
 */
export const assignments = pgTable(
  'assignments',
  {
    rfId: varchar('rf_id', { length: 16 }).primaryKey(),
    reelNo: integer('reel_no').notNull(),
    frameNo: integer('frame_no').notNull(),
    conveyText: text('convey_text'),
    recordDt: calendarDate('record_dt'),
    /** Earliest assignor execution date, denormalised. */
    execDt: calendarDate('exec_dt'),
    lastUpdateDt: calendarDate('last_update_dt'),
    pageCount: integer('page_count'),
    cname: varchar('cname', { length: 500 }),
    caddress1: varchar('caddress_1', { length: 500 }),
    caddress2: varchar('caddress_2', { length: 500 }),
    caddress3: varchar('caddress_3', { length: 500 }),
    caddress4: varchar('caddress_4', { length: 500 }),
    status: assignmentStatus('status').notNull().default('active'),
    /** sha256 of the canonical record; children are replaced only when it changes. */
    recordHash: char('record_hash', { length: 64 }).notNull(),
    firstSeenAt: instant('first_seen_at').notNull().defaultNow(),
    sourceJobId: sourceJobId(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assignments_record_dt_idx').on(sql`${t.recordDt} DESC`),
    index('assignments_reel_frame_idx').on(t.reelNo, t.frameNo),
    index('assignments_source_job_id_idx').on(t.sourceJobId),
  ],
);

/** Patent properties of an assignment, positional so a re-run is a no-op. */
export const documentIds = pgTable(
  'document_ids',
  {
    rfId: varchar('rf_id', { length: 16 })
      .notNull()
      .references(() => assignments.rfId, { onDelete: 'cascade' }),
    propertySeq: smallint('property_seq').notNull(),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }),
    appnoDate: calendarDate('appno_date'),
    appnoCountry: char('appno_country', { length: 2 }),
    pgpubDocNum: varchar('pgpub_doc_num', { length: 12 }),
    pgpubDate: calendarDate('pgpub_date'),
    pgpubCountry: char('pgpub_country', { length: 2 }),
    grantDocNum: varchar('grant_doc_num', { length: 12 }),
    grantDate: calendarDate('grant_date'),
    grantCountry: char('grant_country', { length: 2 }),
    grantKind: varchar('grant_kind', { length: 3 }),
    title: text('title'),
    titleLang: varchar('title_lang', { length: 8 }),
  },
  (t) => [
    primaryKey({ name: 'document_ids_pkey', columns: [t.rfId, t.propertySeq] }),
    check(
      'document_ids_number_present',
      sql`${t.appnoDocNum} IS NOT NULL OR ${t.pgpubDocNum} IS NOT NULL OR ${t.grantDocNum} IS NOT NULL`,
    ),
    index('document_ids_appno_doc_num_idx')
      .on(t.appnoDocNum)
      .where(sql`${t.appnoDocNum} IS NOT NULL`),
    index('document_ids_grant_doc_num_idx')
      .on(t.grantDocNum)
      .where(sql`${t.grantDocNum} IS NOT NULL`),
    index('document_ids_pgpub_doc_num_idx')
      .on(t.pgpubDocNum)
      .where(sql`${t.pgpubDocNum} IS NOT NULL`),
  ],
);

export const assignors = pgTable(
  'assignors',
  {
    rfId: varchar('rf_id', { length: 16 })
      .notNull()
      .references(() => assignments.rfId, { onDelete: 'cascade' }),
    seq: smallint('seq').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    orName: varchar('or_name', { length: 500 }).notNull(),
    execDt: calendarDate('exec_dt'),
    ackDt: calendarDate('ack_dt'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'assignors_pkey', columns: [t.rfId, t.seq] }),
    index('assignors_entity_id_idx').on(t.entityId),
  ],
);

export const assignees = pgTable(
  'assignees',
  {
    rfId: varchar('rf_id', { length: 16 })
      .notNull()
      .references(() => assignments.rfId, { onDelete: 'cascade' }),
    seq: smallint('seq').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    eeName: varchar('ee_name', { length: 500 }).notNull(),
    eeAddress1: varchar('ee_address_1', { length: 500 }),
    eeAddress2: varchar('ee_address_2', { length: 500 }),
    eeCity: varchar('ee_city', { length: 200 }),
    eeState: varchar('ee_state', { length: 100 }),
    eePostcode: varchar('ee_postcode', { length: 50 }),
    eeCountry: varchar('ee_country', { length: 100 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'assignees_pkey', columns: [t.rfId, t.seq] }),
    index('assignees_entity_id_idx').on(t.entityId),
  ],
);

/** Manual classification overrides (BR-011), global. */
export const conveyanceOverrides = pgTable('conveyance_overrides', {
  rfId: varchar('rf_id', { length: 16 }).primaryKey(),
  conveyTy: varchar('convey_ty', { length: 24 })
    .notNull()
    .references(() => conveyanceTypes.conveyTy),
  employerAssign: boolean('employer_assign').notNull().default(false),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** The effective conveyance type of each assignment (BR-001…012, BR-021…023). */
export const assignmentConveyances = pgTable(
  'assignment_conveyances',
  {
    rfId: varchar('rf_id', { length: 16 })
      .primaryKey()
      .references(() => assignments.rfId, { onDelete: 'cascade' }),
    keywordConveyTy: varchar('keyword_convey_ty', { length: 24 }),
    conveyTy: varchar('convey_ty', { length: 24 })
      .notNull()
      .references(() => conveyanceTypes.conveyTy),
    employerAssign: boolean('employer_assign').notNull().default(false),
    source: conveyanceSource('source').notNull(),
    matchedKeyword: varchar('matched_keyword', { length: 50 }),
    /** Inventor and assignor names that matched (BR-023 audit trail). */
    matchedNames: text('matched_names').array(),
    rulesVersion: smallint('rules_version').notNull(),
    classifiedAt: instant('classified_at').notNull().defaultNow(),
  },
  (t) => [
    index('assignment_conveyances_convey_ty_idx').on(t.conveyTy),
    index('assignment_conveyances_employer_idx')
      .on(t.rfId)
      .where(sql`${t.employerAssign}`),
  ],
);
