import { z } from 'zod';
import { dataOf, nullableDate, pageOf, pageQuery, text } from '../listing/schemas';

export const entitiesQuery = pageQuery({ search: text(200).optional() });
export const entityItemSchema = z.object({ id: z.uuid(), canonicalName: z.string(), aliasCount: z.number().int(), assetCount: z.number().int(), lastActivityDate: nullableDate });
export const pagedEntities = pageOf(entityItemSchema);
export const entityParams = z.object({ orgId: z.uuid(), entityId: z.uuid() });
export const entityDetailSchema = dataOf(
  z.object({
    id: z.uuid(),
    canonicalName: z.string(),
    aliases: z.array(z.object({ entityId: z.uuid(), name: z.string(), occurrenceCount: z.number().int(), levenshteinDistance: z.number().int() })),
    assets: z.array(z.object({ id: z.uuid(), grantNumber: z.string().nullable(), applicationNumber: z.string().nullable(), relationship: z.enum(['assignor', 'assignee', 'both']) })),
  }),
);
