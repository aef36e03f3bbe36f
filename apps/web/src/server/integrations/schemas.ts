import { z } from 'zod';
import { ASSET_FIELDS } from '@patentrack/shared';
import { dataOf } from '../listing/schemas';
import { INTEGRATIONS } from './providers';

export const connectBody = z.object({
  code: z.string().min(1).max(2048),
  redirectUri: z.url().max(2048),
});
/** Drive and Teams (#69, #71) redeem their code with the PKCE verifier (RFC 7636: 43–128 unreserved characters). */
export const pkceConnectBody = connectBody.extend({
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
});

export const slackConnectedSchema = dataOf(
  z.object({ connected: z.literal(true), workspaceName: z.string(), channelCount: z.number().int() }),
);
export const driveConnectedSchema = dataOf(z.object({ connected: z.literal(true), email: z.string() }));
export const teamsConnectedSchema = dataOf(z.object({ connected: z.literal(true), tenantName: z.string() }));
export const disconnectedSchema = dataOf(z.object({ success: z.literal(true) }));

export const slackNotifyBody = z.object({
  channel: z.string().trim().min(1).max(80),
  message: z.string().trim().min(1).max(4000),
  assetIds: z.array(z.uuid()).max(100).optional(),
});
export const slackNotifiedSchema = dataOf(z.object({ sent: z.literal(true), timestamp: z.string() }));

/** #70: selected assets (as on the Assets page) to a new sheet, with the asset list's columns picked by id. */
export const driveExportBody = z.object({
  assetIds: z.array(z.uuid()).min(1).max(1000),
  includeFields: z
    .array(z.enum(ASSET_FIELDS))
    .min(1)
    .max(ASSET_FIELDS.length)
    .refine((fields) => new Set(fields).size === fields.length, 'Each field once'),
  sheetName: z.string().trim().min(1).max(100),
});
export const driveExportStartedSchema = dataOf(
  z.object({ jobId: z.uuid(), estimatedRows: z.number().int().positive() }),
);

export const integrationsSchema = dataOf(
  z.array(
    z.object({
      provider: z.enum(INTEGRATIONS),
      available: z.boolean(),
      connected: z.boolean(),
      status: z.enum(['active', 'error', 'disabled']).nullable(),
      account: z.string().nullable(),
      connectedAt: z.string().nullable(),
    }),
  ),
);
