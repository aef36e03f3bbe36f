import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, smallint, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, sourceJobId } from '../columns';
import { entities } from './entities';

export const patentDocType = pgEnum('patent_doc_type', ['application', 'grant']);

/** Inventors of a bibliographic record; replaced per (doc_type, doc_num) when the record changes. */
export const inventors = pgTable(
  'inventors',
  {
    docType: patentDocType('doc_type').notNull(),
    docNum: varchar('doc_num', { length: 12 }).notNull(),
    sequence: smallint('sequence').notNull(),
    /** "{family}, {given}" */
    name: varchar('name', { length: 500 }).notNull(),
    givenName: varchar('given_name', { length: 200 }),
    familyName: varchar('family_name', { length: 200 }),
    middleName: varchar('middle_name', { length: 200 }),
    canonicalName: varchar('canonical_name', { length: 500 }),
    city: varchar('city', { length: 200 }),
    state: varchar('state', { length: 100 }),
    country: varchar('country', { length: 100 }),
    /** Set by the pipeline's `flag` step. */
    entityId: uuid('entity_id').references(() => entities.id, { onDelete: 'set null' }),
    sourceJobId: sourceJobId(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'inventors_pkey', columns: [t.docType, t.docNum, t.sequence] }),
    index('inventors_entity_id_idx')
      .on(t.entityId)
      .where(sql`${t.entityId} IS NOT NULL`),
    index('inventors_canonical_name_idx').on(sql`lower(${t.canonicalName})`),
  ],
);
