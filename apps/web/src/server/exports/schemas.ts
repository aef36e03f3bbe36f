import { z } from 'zod';
import { assetListQuery } from '../assets/schemas';
import { adminTransactionsQuery } from '../admin/schemas';
import { brokenTitlesQuery, timelineQuery } from '../dashboards/schemas';
import { entitiesQuery } from '../entities/schemas';
import { maintenanceQuery } from '../events/schemas';
import { dataOf } from '../listing/schemas';

/** A list endpoint's query without paging: the filters (and sort) an export of that list takes. */
const filtersOf = <S extends z.ZodObject>(query: S) =>
  query
    .omit({ limit: true, cursor: true })
    .strict()
    .default({} as never);

/** #55: each list as CSV with its endpoint's filters; the dashboard report as PDF. */
export const exportBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assets'), format: z.literal('csv'), filters: filtersOf(assetListQuery) }),
  z.object({
    type: z.literal('broken_titles'),
    format: z.literal('csv'),
    filters: filtersOf(brokenTitlesQuery),
  }),
  z.object({
    type: z.literal('maintenance'),
    format: z.literal('csv'),
    filters: filtersOf(maintenanceQuery),
  }),
  z.object({
    type: z.literal('timeline'),
    format: z.literal('csv'),
    filters: filtersOf(timelineQuery.omit({ bucket: true })),
  }),
  z.object({ type: z.literal('entities'), format: z.literal('csv'), filters: filtersOf(entitiesQuery) }),
  z.object({
    type: z.literal('transactions'),
    format: z.literal('csv'),
    filters: filtersOf(adminTransactionsQuery),
  }),
  z.object({
    type: z.literal('dashboard_report'),
    format: z.literal('pdf'),
    filters: z.object({}).strict().default({}),
  }),
]);
export type ExportRequest = z.output<typeof exportBody>;

export const exportStartedSchema = dataOf(z.object({ jobId: z.uuid(), status: z.literal('queued') }));

export const exportParams = z.object({ jobId: z.uuid() });

export const EXPORT_STATUSES = ['queued', 'running', 'success', 'failed'] as const;
export const exportStatusSchema = dataOf(
  z.object({
    status: z.enum(EXPORT_STATUSES),
    /** Signed five-minute download link, once the file is written. */
    url: z.string().optional(),
    expiresAt: z.string().optional(),
    rowCount: z.number().int().nonnegative().optional(),
  }),
);
