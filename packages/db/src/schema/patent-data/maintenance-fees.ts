import { sql } from 'drizzle-orm';
import { char, index, numeric, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, sourceJobId } from '../columns';
import { maintenanceFeeEventCodes } from '../lookups/maintenance-fee-event-codes';

/** Events of the cumulative weekly maintenance-fee file; no FK to patents (most were never loaded). */
export const maintenanceFeeEvents = pgTable(
  'maintenance_fee_events',
  {
    grantDocNum: varchar('grant_doc_num', { length: 12 }).notNull(),
    eventDate: calendarDate('event_date').notNull(),
    eventCode: varchar('event_code', { length: 8 })
      .notNull()
      .references(() => maintenanceFeeEventCodes.eventCode),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }),
    /** Y small, N large, M micro, as in the file. */
    entityStatus: char('entity_status', { length: 1 }),
    filingDate: calendarDate('filing_date'),
    grantDate: calendarDate('grant_date'),
    /** Not in the USPTO file; stays null unless another source fills it. */
    feeAmount: numeric('fee_amount', { precision: 10, scale: 2 }),
    sourceJobId: sourceJobId(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'maintenance_fee_events_pkey', columns: [t.grantDocNum, t.eventDate, t.eventCode] }),
    index('maintenance_fee_events_appno_doc_num_idx').on(t.appnoDocNum),
    index('maintenance_fee_events_event_code_idx').on(t.eventCode),
    index('maintenance_fee_events_event_date_idx').on(sql`${t.eventDate} DESC`),
  ],
);
