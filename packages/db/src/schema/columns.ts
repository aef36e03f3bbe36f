import { customType, date, foreignKey, type PgColumn, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders; each call returns a fresh builder, as Drizzle requires one per table. */

/** A source calendar date, kept as 'YYYY-MM-DD' so no time-zone shift can happen (data-model §0). */
export const calendarDate = (name: string) => date(name, { mode: 'string' });

export const instant = (name: string) => timestamp(name, { withTimezone: true });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
export const deletedAt = () => instant('deleted_at');

/** The ingestion job that last wrote a public-data row; a logical reference without FK (bulk loads). */
export const sourceJobId = () => uuid('source_job_id');

export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * A composite tenant FK `(organization_id, <column>) → parent(organization_id, id)`: a child row can
 * never point at another tenant's row, so RLS policies need no sub-queries (data-model §0).
 */
export function tenantForeignKey(
  name: string,
  organizationIdColumn: PgColumn,
  column: PgColumn,
  parent: { organizationId: PgColumn; id: PgColumn },
) {
  return foreignKey({
    name,
    columns: [organizationIdColumn, column],
    foreignColumns: [parent.organizationId, parent.id],
  }).onDelete('cascade');
}
