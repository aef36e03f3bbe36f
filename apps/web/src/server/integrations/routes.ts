import 'server-only';
import type { z } from 'zod';
import { apiRoute, type HandlerContext, type UserPrincipal } from '../http/api-route';
import {
  connectIntegration,
  disconnectIntegration,
  type ConnectInput,
  type IntegrationContext,
} from './connections';
import type { Integration } from './providers';
import { connectBody, disconnectedSchema, pkceConnectBody } from './schemas';

/** The integration services' view of a signed-in request. */
export function integrationContext(
  ctx: Pick<
    HandlerContext<'user', unknown, unknown, unknown>,
    'deps' | 'tenant' | 'ip' | 'userAgent' | 'requestId'
  > & {
    principal: UserPrincipal;
  },
): IntegrationContext {
  return {
    deps: ctx.deps,
    tenant: ctx.tenant,
    userId: ctx.principal.userId,
    orgId: ctx.principal.orgId,
    meta: { ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId },
  };
}

const EXAMPLE = {
  code: 'authorization-code-from-the-provider',
  redirectUri: 'http://localhost:3000/settings/integrations',
};

/** The connect route of one integration (#66, #69, #71): org admins; the answer names the connected account. */
export function connectRoute<R extends z.ZodType>(
  integration: Integration,
  options: { summary: string; pkce: boolean; response: R },
  answer: (connection: { account: string; details: Record<string, string | number> }) => z.input<R>,
) {
  const body: z.ZodType<ConnectInput, ConnectInput> = options.pkce ? pkceConnectBody : connectBody;
  return apiRoute(
    {
      summary: options.summary,
      auth: 'user',
      permission: 'integrations.manage',
      body,
      response: { schema: options.response },
      example: { body: options.pkce ? { ...EXAMPLE, codeVerifier: 'v'.repeat(43) } : EXAMPLE },
    },
    async (ctx) => answer(await connectIntegration(integrationContext(ctx), integration, ctx.body)),
  );
}

/** The disconnect route of one integration (#67, #72). */
export function disconnectRoute(integration: Integration, summary: string) {
  return apiRoute(
    { summary, auth: 'user', permission: 'integrations.manage', response: { schema: disconnectedSchema } },
    async (ctx) => ({ data: await disconnectIntegration(integrationContext(ctx), integration) }),
  );
}
