import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { integrations } from '@patentrack/db/schema';
import { recordAudit } from '../auth/accounts';
import { seal } from '@patentrack/shared/encryption';
import type { ServerDeps } from '../http/deps';
import { callProviderApi, exchangeAuthorizationCode } from '../oauth/client';
import { integrationClient, INTEGRATIONS, type Integration, type IntegrationClient } from './providers';

/** What the integration services need from the route: the tenant transaction, the caller and the request. */
export interface IntegrationContext {
  deps: ServerDeps;
  tenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  userId: string;
  orgId: string;
  meta: { ip: string; userAgent: string | null; requestId: string };
}

/** Records `action` on `integration` by the caller, in the caller's transaction `tx`. */
export function auditIntegration(
  tx: Tx,
  ctx: IntegrationContext,
  integration: Integration,
  action: string,
  metadata?: Record<string, unknown>,
) {
  return recordAudit(tx, ctx.orgId, {
    action,
    actorUserId: ctx.userId,
    targetType: 'integration',
    targetId: integration,
    metadata,
    ...ctx.meta,
  });
}

export interface ConnectInput {
  code: string;
  redirectUri: string;
  codeVerifier?: string;
}

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive().optional(),
});
// Slack answers HTTP 200 with `ok: false` on errors; only `ok: true` is a granted code.
const slackTokenAnswer = tokenAnswer.extend({
  ok: z.literal(true),
  team: z.object({ id: z.string(), name: z.string() }),
});

/** The connected account shown on the settings card, and the provider facts the connect answer reports. */
interface Connection {
  account: string;
  details: Record<string, string | number>;
}

/** Per integration: how its code is redeemed and who the connection belongs to. */
const CONNECTORS: {
  [I in Integration]: (
    client: IntegrationClient,
    input: ConnectInput,
  ) => Promise<{
    tokens: z.output<typeof tokenAnswer>;
    connection: Connection;
  }>;
} = {
  slack: async (client, input) => {
    const tokens = await exchangeAuthorizationCode(client, input, slackTokenAnswer);
    const channels = await callProviderApi(
      client.name,
      `${client.apiBaseUrl}/conversations.list?types=public_channel,private_channel&limit=1000`,
      tokens.access_token,
      z.object({ ok: z.literal(true), channels: z.array(z.object({ id: z.string() })) }),
    );
    return {
      tokens,
      connection: {
        account: tokens.team.name,
        details: { teamId: tokens.team.id, channelCount: channels.channels.length },
      },
    };
  },
  google_drive: async (client, input) => {
    const tokens = await exchangeAuthorizationCode(client, input, tokenAnswer);
    const about = await callProviderApi(
      client.name,
      `${client.apiBaseUrl}/drive/v3/about?fields=user`,
      tokens.access_token,
      z.object({ user: z.object({ emailAddress: z.string() }) }),
    );
    return { tokens, connection: { account: about.user.emailAddress, details: {} } };
  },
  microsoft_teams: async (client, input) => {
    const tokens = await exchangeAuthorizationCode(client, input, tokenAnswer);
    const organization = await callProviderApi(
      client.name,
      `${client.apiBaseUrl}/v1.0/organization?$select=id,displayName`,
      tokens.access_token,
      z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })).min(1) }),
    );
    const tenant = organization.value[0]!;
    return { tokens, connection: { account: tenant.displayName, details: { tenantId: tenant.id } } };
  },
};

export function requireClient(deps: ServerDeps, integration: Integration): IntegrationClient {
  const client = integrationClient(deps.env, integration);
  if (!client)
    throw new AppError('NOT_FOUND', 'This integration is not enabled on this installation', {
      reason: 'integration_not_configured',
    });
  return client;
}

/**
 * The org's sealed access token of a connected integration; 409 `not_connected` (an admin connects it first) when
 * there is none.
 */
export async function requireConnection(ctx: IntegrationContext, integration: Integration): Promise<string> {
  const client = requireClient(ctx.deps, integration);
  const [connection] = await ctx.tenant((tx) =>
    tx
      .select({ accessTokenEncrypted: integrations.accessTokenEncrypted })
      .from(integrations)
      .where(and(eq(integrations.organizationId, ctx.orgId), eq(integrations.provider, integration))),
  );
  if (!connection?.accessTokenEncrypted)
    throw new AppError(
      'CONFLICT',
      `${client.name} is not connected; an admin connects it in Settings → Integrations`,
      { reason: 'not_connected' },
    );
  return connection.accessTokenEncrypted;
}

/**
 * Connects an integration (product.md #66, #69, #71): redeems the code, asks the provider who the connection
 * belongs to, and stores the tokens sealed (AES-256-GCM) with that account; the tokens never leave the server.
 * The provider calls run before the transaction, so no database connection waits on them.
 */
export async function connectIntegration(
  ctx: IntegrationContext,
  integration: Integration,
  input: ConnectInput,
): Promise<Connection> {
  const client = requireClient(ctx.deps, integration);
  if (client.pkce && !input.codeVerifier)
    throw AppError.validation({ codeVerifier: [`${client.name} needs the PKCE code verifier`] });
  const { tokens, connection } = await CONNECTORS[integration](client, input);
  const key = ctx.deps.env.ENCRYPTION_KEY;
  const sealed = {
    accessTokenEncrypted: seal(tokens.access_token, key),
    refreshTokenEncrypted: tokens.refresh_token ? seal(tokens.refresh_token, key) : null,
    tokenExpiresAt: tokens.expires_in ? new Date(Date.now() + tokens.expires_in * 1000) : null,
    config: { account: connection.account, connectedBy: ctx.userId, ...connection.details },
    status: 'active' as const,
    lastError: null,
  };
  await ctx.tenant(async (tx) => {
    await tx
      .insert(integrations)
      .values({ organizationId: ctx.orgId, provider: integration, ...sealed })
      .onConflictDoUpdate({
        target: [integrations.organizationId, integrations.provider],
        set: { ...sealed, updatedAt: sql`now()` },
      });
    await auditIntegration(tx, ctx, integration, 'integration.connect', { account: connection.account });
  });
  return connection;
}

/** Disconnects an integration (product.md #67, #72): the row and its sealed tokens are deleted. */
export async function disconnectIntegration(ctx: IntegrationContext, integration: Integration) {
  await ctx.tenant(async (tx) => {
    await tx
      .delete(integrations)
      .where(and(eq(integrations.organizationId, ctx.orgId), eq(integrations.provider, integration)));
    await auditIntegration(tx, ctx, integration, 'integration.disconnect');
  });
  return { success: true as const };
}

/** The settings cards (B2.17): per integration whether it can be connected here, and the connected account. */
export async function listIntegrations(tx: Tx, deps: ServerDeps, orgId: string) {
  const rows = await tx
    .select({
      provider: integrations.provider,
      config: integrations.config,
      status: integrations.status,
      updatedAt: integrations.updatedAt,
    })
    .from(integrations)
    .where(eq(integrations.organizationId, orgId));
  return INTEGRATIONS.map((integration) => {
    const row = rows.find((r) => r.provider === integration);
    return {
      provider: integration,
      available: integrationClient(deps.env, integration) !== null,
      connected: row !== undefined,
      status: row?.status ?? null,
      account: row ? String((row.config as { account?: unknown }).account ?? '') : null,
      connectedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}
