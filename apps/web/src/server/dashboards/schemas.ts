import { z } from 'zod';
import { CPC_LEVELS } from '@patentrack/db/queries';
import { CONVEY_TYPES } from '@patentrack/shared';
import { dataOf, isoDate, nullableDate, pageOf, pageQuery } from '../listing/schemas';

const count = z.number().int().nonnegative();

export const summarySchema = dataOf(
  z.object({
    totalAssets: count,
    completeChains: count,
    brokenChains: count,
    divested: count,
    encumbrances: count,
    bankInvolved: count,
    lawFirmInvolved: count,
    totalTransactions: count,
    totalEntities: count,
    totalCompanies: count,
    totalEmployees: count,
    totalParties: count,
    totalActivities: count,
    totalArrows: count,
    activityBreakdown: z.array(
      z.object({ activityId: z.number().int(), conveyanceType: z.string().nullable(), transactions: count }),
    ),
    calculatedAt: z.string().nullable(),
    lastIngestionDate: z.string().nullable(),
    lastPipelineRun: z.string().nullable(),
  }),
);

export const treesQuery = pageQuery({
  tab: z.coerce.number().int().min(0).max(3).optional(),
  treeType: z.coerce.number().int().min(0).max(13).optional(),
  companyId: z.uuid().optional(),
});

export const treeSummarySchema = z.object({
  id: z.uuid(),
  entityId: z.uuid(),
  entityName: z.string(),
  companyId: z.uuid().nullable(),
  treeType: z.number().int(),
  treeTab: z.number().int(),
  typeLabel: z.string(),
  color: z.string(),
  depth: z.number().int(),
  parentId: z.uuid().nullable(),
  transactionCount: count,
  assetCount: count,
  brokenTitles: count,
  lastActivity: nullableDate,
});

export const treeParams = z.object({ treeId: z.uuid() });
export const treeDetailSchema = dataOf(
  treeSummarySchema.extend({
    transactionRfIds: z.array(z.string()),
    transactionSummary: z.object({
      count,
      firstRecordDate: nullableDate,
      lastRecordDate: nullableDate,
      byConveyanceType: z.record(z.string(), count),
    }),
    assets: z.array(
      z.object({
        id: z.uuid(),
        grantNumber: z.string().nullable(),
        applicationNumber: z.string().nullable(),
        title: z.string().nullable(),
        status: z.string().nullable(),
      }),
    ),
  }),
);

export const brokenTitlesQuery = pageQuery({ entityId: z.uuid().optional(), companyId: z.uuid().optional() });
export const brokenTitleSchema = z.object({
  assetId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  grantNumber: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  title: z.string().nullable(),
  currentAssignee: z.string().nullable(),
  reason: z.string().nullable(),
  breakRfId: z.string().nullable(),
  breakRecordDate: nullableDate,
  missingLink: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  gapDescription: z.string(),
});

export const timelineQuery = pageQuery({
  entityId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  conveyanceType: z.enum(CONVEY_TYPES).optional(),
  bucket: z.enum(['month', 'year']).optional(),
});
export const timelineItemSchema = z.object({
  rfId: z.string(),
  recordDate: nullableDate,
  type: z.string(),
  category: z.string(),
  color: z.string(),
  assignor: z.string().nullable(),
  assignee: z.string().nullable(),
  assetCount: count,
});
export const timelineBucketsSchema = dataOf(
  z.array(z.object({ period: z.string(), type: z.string(), count })),
);

export const wordcloudQuery = z.object({
  level: z.enum(CPC_LEVELS).default('subclass'),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export const wordcloudSchema = dataOf(
  z.array(z.object({ code: z.string(), description: z.string().nullable(), count, weight: z.number() })),
).describe('Empty until the CPC master-classification feed has been loaded.');

export const pagedTrees = pageOf(treeSummarySchema);
export const pagedBrokenTitles = pageOf(brokenTitleSchema);
export const pagedTimeline = pageOf(timelineItemSchema);
