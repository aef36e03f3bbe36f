import { boolean, char, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';

/** Ownership-tree node types 0–13 (business-rules §3). */
export const treeTypes = pgTable('tree_types', {
  code: smallint('code').primaryKey(),
  key: varchar('key', { length: 40 }).notNull().unique('tree_types_key_key'),
  displayName: varchar('display_name', { length: 100 }).notNull(),
  tab: smallint('tab').notNull(),
  color: char('color', { length: 7 }).notNull(),
  isAdministrative: boolean('is_administrative').notNull().default(false),
});
