import { boolean, char, pgEnum, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';

export const conveyanceSourceKind = pgEnum('conveyance_source_kind', ['classifier', 'override_only']);

/** The 16 conveyance types of business-rules D-1, with BR-012 priority and BR-031 colour. */
export const conveyanceTypes = pgTable('conveyance_types', {
  conveyTy: varchar('convey_ty', { length: 24 }).primaryKey(),
  displayName: varchar('display_name', { length: 100 }).notNull(),
  sourceKind: conveyanceSourceKind('source_kind').notNull(),
  priority: smallint('priority').unique('conveyance_types_priority_key'),
  color: char('color', { length: 7 }).notNull(),
  boxType: varchar('box_type', { length: 20 }).notNull(),
  category: varchar('category', { length: 20 }).notNull(),
  isOta: boolean('is_ota').notNull().default(false),
});
