import { z } from 'zod';
import { dataOf, nullableDate, pageOf, pageQuery, text } from '../listing/schemas';

export const entitiesQuery = pageQuery({ search: text(200).optional() });
export const entityItemSchema = z.object({
  id: z.uuid(),
  canonicalName: z.string(),
  aliasCount: z.number().int(),
  assetCount: z.number().int(),
  lastActivityDate: nullableDate,
});
export const pagedEntities = pageOf(entityItemSchema);
export const entityParams = z.object({ orgId: z.uuid(), entityId: z.uuid() });
export const entityDetailSchema = dataOf(
  z.object({
    id: z.uuid(),
    canonicalName: z.string(),
    aliases: z.array(
      z.object({
        entityId: z.uuid(),
        name: z.string(),
        occurrenceCount: z.number().int(),
        levenshteinDistance: z.number().int(),
      }),
    ),
    assets: z.array(
      z.object({
        id: z.uuid(),
        grantNumber: z.string().nullable(),
        applicationNumber: z.string().nullable(),
        relationship: z.enum(['assignor', 'assignee', 'both']),
      }),
    ),
  }),
);

const entityShape = entityDetailSchema.shape.data;
/** An edited entity: its detail after the edit, and the pipeline run that recomputes the org's ownership data. */
export const entityWrittenSchema = dataOf(entityShape.extend({ pipelineJobId: z.string() }));

export const renameEntityBody = z.object({ canonicalName: text(500) });
export const mergeEntitiesBody = z.object({
  targetEntityId: z.uuid(),
  sourceEntityIds: z.array(z.uuid()).min(1).max(100),
});
export const splitEntityBody = z.object({
  aliases: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .describe('Entity ids of the aliases (see `aliases[].entityId` of #42)'),
});

export const normalizeBody = z.object({
  threshold: z
    .number()
    .int()
    .min(1)
    .max(10)
    .optional()
    .describe("One edit-distance threshold for every length; default the org's length bands"),
  dryRun: z.boolean().default(true),
  fromPreviewJobId: z.uuid().optional(),
});
export const normalizeStartedSchema = dataOf(
  z
    .object({ jobId: z.uuid(), status: z.literal('completed') })
    .describe('Normalization runs within the request; the job is complete when this answer arrives.'),
);
export const normalizeJobParams = z.object({ orgId: z.uuid(), jobId: z.uuid() });
export const normalizeJobSchema = dataOf(
  z.object({
    jobId: z.uuid(),
    status: z.literal('completed'),
    progress: z.number(),
    dryRun: z.boolean(),
    threshold: z.number().int().nullable(),
    createdAt: z.string(),
    result: z.object({
      proposedGroups: z.array(
        z.object({
          canonicalName: z.string(),
          canonicalEntityId: z.uuid(),
          change: z.enum(['added', 'moved', 'unchanged']),
          members: z.array(
            z.object({
              entityId: z.uuid(),
              name: z.string(),
              instances: z.number().int(),
              currentGroupId: z.uuid(),
            }),
          ),
        }),
      ),
      summary: z.object({
        parties: z.number().int(),
        currentGroups: z.number().int(),
        proposedGroups: z.number().int(),
        added: z.number().int(),
        moved: z.number().int(),
        unchanged: z.number().int(),
        applied: z.number().int(),
        skipped: z.number().int(),
      }),
    }),
  }),
);
