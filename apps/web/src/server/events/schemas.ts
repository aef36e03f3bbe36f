import { z } from 'zod';
import { EVENT_TYPES } from '@patentrack/db/queries';
import { isoDate, pageOf, pageQuery } from '../listing/schemas';

export const feedQuery = pageQuery({
  type: z.enum(EVENT_TYPES).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
});
export const feedItemSchema = z.object({
  type: z.enum(EVENT_TYPES),
  date: z.string(),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  assetId: z.uuid().nullable(),
});

export const maintenanceQuery = pageQuery({
  status: z.enum(['paid', 'due', 'surcharge', 'expired', 'other']).optional(),
  feeWindow: z.enum(['3.5', '7.5', '11.5']).optional(),
  sort: z.literal('dueDate').optional(),
});
export const portfolioFeeSchema = z.object({
  assetId: z.uuid(),
  grantNumber: z.string(),
  eventCode: z.string(),
  description: z.string().nullable(),
  feeWindow: z.string().nullable(),
  status: z.enum(['paid', 'due', 'surcharge', 'expired', 'other']),
  dueDate: z.string(),
});

export const recentQuery = pageQuery({ days: z.coerce.number().int().min(1).max(3650).default(30) });
export const recentAssignmentSchema = z.object({
  rfId: z.string(),
  recordDate: z.string(),
  type: z.string(),
  assignorName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  affectedAssets: z.number().int(),
});

export const pagedFeed = pageOf(feedItemSchema);
export const pagedFees = pageOf(portfolioFeeSchema);
export const pagedRecent = pageOf(recentAssignmentSchema);
