'use server';

import { z } from 'zod';
import { webEnv } from '@/server/env';
import { startAuthorization, takeAuthorization } from '@/server/auth/oauth/pending-cookie';
import { integrationAuthorization, integrationOfSlug } from '@/server/integrations/authorization';

function requestOf(slug: string) {
  const integration = integrationOfSlug(z.string().max(40).parse(slug));
  return integration && integrationAuthorization(webEnv(), integration);
}

/** "Connect": the provider's authorize URL for the browser to open; null when the integration is not enabled. */
export async function startIntegrationConnect(slug: string): Promise<string | null> {
  const request = requestOf(slug);
  return request && startAuthorization(webEnv(), request, '/settings/integrations');
}

/** The callback page's one use of the pending request: what the connect call (#66, #69, #71) needs. */
export async function claimIntegrationConnect(slug: string, state: string) {
  const request = requestOf(slug);
  const pending = request && (await takeAuthorization(webEnv(), request, z.string().max(200).parse(state)));
  return pending && { codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri };
}
