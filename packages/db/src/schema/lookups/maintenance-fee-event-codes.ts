import { pgEnum, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { updatedAt } from '../columns';

export const maintenanceFeeEffect = pgEnum('maintenance_fee_effect', [
  'payment_4',
  'payment_8',
  'payment_12',
  'surcharge',
  'expiry',
  'reinstatement',
  'reminder',
  'entity_status',
  'refund',
  'other',
]);

/** USPTO maintenance-fee event codes; `effect` is curated by hand and never overwritten by ingestion. */
export const maintenanceFeeEventCodes = pgTable('maintenance_fee_event_codes', {
  eventCode: varchar('event_code', { length: 8 }).primaryKey(),
  description: text('description').notNull(),
  effect: maintenanceFeeEffect('effect').notNull().default('other'),
  updatedAt: updatedAt(),
});
