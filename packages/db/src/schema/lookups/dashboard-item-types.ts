import { boolean, pgEnum, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';

export const dashboardCategory = pgEnum('dashboard_category', [
  'chain',
  'encumbrance',
  'law_firm',
  'bank',
  'asset',
  'other',
]);

/** Dashboard item codes; a lookup instead of a CHECK so legacy codes stay representable. */
export const dashboardItemTypes = pgTable('dashboard_item_types', {
  code: smallint('code').primaryKey(),
  key: varchar('key', { length: 40 }).notNull().unique('dashboard_item_types_key_key'),
  displayName: varchar('display_name', { length: 100 }).notNull(),
  category: dashboardCategory('category').notNull(),
  isEmitted: boolean('is_emitted').notNull().default(false),
});
