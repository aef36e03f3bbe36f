import { z } from 'zod';
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
