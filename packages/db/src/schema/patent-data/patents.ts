import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, smallint, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, sourceJobId, tsvector, updatedAt } from '../columns';

export const maintenanceStatus = pgEnum('maintenance_status', [
  'unknown',
  'paid',
  'due',
  'surcharge',
  'expired',
]);

/** One row per US application, or application plus grant, from the bibliographic feeds. */
export const patents = pgTable(
  'patents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }).unique('patents_appno_doc_num_key'),
    appnoDate: calendarDate('appno_date'),
    applicationType: varchar('application_type', { length: 12 }),
    pgpubDocNum: varchar('pgpub_doc_num', { length: 12 }),
    pgpubDate: calendarDate('pgpub_date'),
    grantDocNum: varchar('grant_doc_num', { length: 12 }).unique('patents_grant_doc_num_key'),
    grantDate: calendarDate('grant_date'),
    grantKind: varchar('grant_kind', { length: 3 }),
    title: text('title'),
    /** Face assignees in document order; used for asset membership (business-rules D-27). */
    assigneeEntityIds: uuid('assignee_entity_ids').array(),
    titleTsv: tsvector('title_tsv').generatedAlwaysAs(sql`to_tsvector('english', coalesce(title, ''))`),
    claimsCount: smallint('claims_count'),
    maintenanceStatus: maintenanceStatus('maintenance_status').notNull().default('unknown'),
    /** 14 = application only, 15 = standard; generated so it can never drift. */
    layoutId: smallint('layout_id').generatedAlwaysAs(
      sql`CASE WHEN grant_doc_num IS NULL THEN 14 ELSE 15 END`,
    ),
    sourceJobId: sourceJobId(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('patents_number_present', sql`${t.appnoDocNum} IS NOT NULL OR ${t.grantDocNum} IS NOT NULL`),
    index('patents_pgpub_doc_num_idx')
      .on(t.pgpubDocNum)
      .where(sql`${t.pgpubDocNum} IS NOT NULL`),
    index('patents_appno_date_idx').on(t.appnoDate),
    index('patents_grant_date_idx').on(t.grantDate),
    index('patents_source_job_id_idx').on(t.sourceJobId),
    index('patents_title_tsv_idx').using('gin', t.titleTsv),
  ],
);
