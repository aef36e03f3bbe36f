import { z } from 'zod';
import { createDb, withTenant, type Tx } from '@patentrack/db';
import {
  listAdminTransactions,
  listAssets,
  listBrokenTitles,
  listEntities,
  listTimeline,
  portfolioMaintenance,
  type Page,
} from '@patentrack/db/queries';
import {
  CSV_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_JOB,
  EXPORT_TYPES,
  USER_ROLES,
  toCsv,
  type CsvColumn,
  type CsvExportType,
} from '@patentrack/shared';
import { CSV, PDF, newObjectKey } from '@patentrack/storage';
import { publishOrgEvent } from '../../live/events';
import { defineProcessor } from '../types';
import { allListRows } from './list-rows';
import { dashboardReportPdf } from './report-pdf';

/**
 * The list service behind each CSV export: the function its list endpoint answers with, so a file holds exactly
 * the rows the endpoint returns for the same filters, walked page by page.
 */
const LISTS: Record<CsvExportType, (tx: Tx, filters: never) => Promise<Page<unknown>>> = {
  assets: listAssets,
  broken_titles: listBrokenTitles,
  maintenance: portfolioMaintenance,
  timeline: listTimeline,
  entities: listEntities,
  transactions: listAdminTransactions,
};

const FILE_TYPES = { csv: CSV, pdf: PDF } as const;

export const exportPayload = z.object({
  orgId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(USER_ROLES),
  type: z.enum(EXPORT_TYPES),
  format: z.enum(EXPORT_FORMATS),
  /** The list endpoint's query as the web validated it, without paging. */
  filters: z.record(z.string(), z.unknown()),
});
export type ExportPayload = z.infer<typeof exportPayload>;

/** What GET /exports/:jobId reads back from the finished job. */
export interface ExportResult {
  key: string;
  rowCount: number;
}

/**
 * `export:file` (#55): reads the rows as the requesting user (same tenant context as their request), writes the
 * CSV or the PDF report into private storage and tells the org's live channel, success or failure, with the status
 * URL the browser then asks for a signed link.
 */
export const exportFileProcessor = defineProcessor({
  name: EXPORT_JOB,
  payload: exportPayload,
  async handle(payload, job, context): Promise<ExportResult> {
    const jobId = job.id!;
    const done = (status: 'success' | 'failed') =>
      publishOrgEvent(context.redis, payload.orgId, {
        type: 'job-complete',
        data: { jobId, kind: 'export', status, resultUrl: `/api/v1/exports/${jobId}` },
      });
    try {
      const tenant = {
        orgId: payload.orgId,
        userId: payload.userId,
        role: payload.role,
        scope: 'user' as const,
      };
      const { bytes, rowCount } = await withTenant(createDb(context.pool), tenant, async (tx) => {
        if (payload.type === 'dashboard_report') return dashboardReportPdf(tx);
        const rows = await allListRows(tx, LISTS[payload.type], payload.filters);
        const columns = CSV_COLUMNS[payload.type] as CsvColumn<unknown>[];
        return { bytes: Buffer.from(toCsv(rows, columns), 'utf8'), rowCount: rows.length };
      });
      const key = newObjectKey(payload.orgId, 'exports', FILE_TYPES[payload.format]);
      await context.storage.put(key, bytes);
      await done('success');
      return { key, rowCount };
    } catch (error) {
      await done('failed');
      throw error;
    }
  },
});
