import { z } from 'zod';
import { ENVIRONMENT_MODES } from './modes';
import { dataOf, text } from '../listing/schemas';

export const orgParams = z.object({ orgId: z.uuid() });

export const organizationSchema = dataOf(
  z.object({
    id: z.uuid(),
    name: z.string(),
    status: z.string(),
    environmentMode: z.string(),
    domain: z.string().nullable(),
    logoUrl: z.string().nullable(),
    settings: z.object({
      darkMode: z.boolean().nullable(),
      slackConnected: z.boolean(),
      teamsConnected: z.boolean(),
      googleDriveConnected: z.boolean(),
    }),
    counts: z.object({ assets: z.number().int(), companies: z.number().int(), users: z.number().int() }),
    createdAt: z.string(),
  }),
);

export const updateOrganizationBody = z
  .object({
    name: text(255).optional(),
    settings: z.object({ darkMode: z.boolean().nullable() }).strict().optional(),
    environmentMode: z.enum(ENVIRONMENT_MODES).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to update');

const step = z.object({
  name: z.string(),
  number: z.number().int(),
  status: z.string(),
  error: z.string().nullable(),
  recordsProcessed: z.number().int(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export const pipelineStatusSchema = dataOf(
  z.object({
    status: z.string(),
    run: z
      .object({
        id: z.uuid(),
        jobType: z.string(),
        trigger: z.string(),
        startFrom: z.string(),
        progress: z.number().min(0).max(1),
        startedAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        error: z.string().nullable(),
        steps: z.array(step),
      })
      .nullable(),
    lastCompletedAt: z.string().nullable(),
  }),
);
