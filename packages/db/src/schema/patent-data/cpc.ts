import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  varchar,
} from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, updatedAt } from '../columns';
import { patentDocType } from './inventors';

/** The CPC scheme. The parent FK is DEFERRABLE INITIALLY DEFERRED in SQL so a release loads in any order. */
export const cpcClassifications = pgTable(
  'cpc_classifications',
  {
    cpcCode: varchar('cpc_code', { length: 20 }).primaryKey(),
    /** A–H and Y. */
    section: char('section', { length: 1 }).notNull(),
    /** Null only on section-level rows, which have no class. */
    classCode: char('class_code', { length: 2 }),
    subclass: char('subclass', { length: 1 }),
    mainGroup: varchar('main_group', { length: 4 }),
    subgroup: varchar('subgroup', { length: 6 }),
    parentCode: varchar('parent_code', { length: 20 }),
    /** Section 1, class 2, subclass 3, main group 4, subgroup 4 + dot level; no upper bound. */
    level: smallint('level').notNull(),
    title: text('title'),
    schemeVersion: varchar('scheme_version', { length: 10 }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    notAllocatable: boolean('not_allocatable').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'cpc_classifications_parent_code_fk',
      columns: [t.parentCode],
      foreignColumns: [t.cpcCode],
    }),
    check('cpc_classifications_level_check', sql`${t.level} >= 1`),
    index('cpc_classifications_parent_code_idx').on(t.parentCode),
    index('cpc_classifications_section_class_idx').on(t.section, t.classCode),
    index('cpc_classifications_code_pattern_idx').on(t.cpcCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Master classification files. LIST(doc_type), each child LIST(snapshot_id) with one attached leaf that
 * is swapped atomically each month (data-model §5.3). No FK to the scheme: files run ahead of it.
 */
export const patentCpcCodes = pgTable(
  'patent_cpc_codes',
  {
    docType: patentDocType('doc_type').notNull(),
    docNum: varchar('doc_num', { length: 12 }).notNull(),
    pgpubDocNum: varchar('pgpub_doc_num', { length: 12 }),
    cpcCode: varchar('cpc_code', { length: 20 }).notNull(),
    /** F (first) or L (later). */
    symbolPosition: char('symbol_position', { length: 1 }),
    /** I (inventive) or A (additional). */
    classificationValue: char('classification_value', { length: 1 }),
    versionDate: calendarDate('version_date'),
    snapshotId: integer('snapshot_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'patent_cpc_codes_pkey', columns: [t.docType, t.snapshotId, t.docNum, t.cpcCode] }),
    index('patent_cpc_codes_doc_num_idx').on(t.docNum),
    index('patent_cpc_codes_code_pattern_idx').on(t.cpcCode.op('varchar_pattern_ops')),
  ],
);
