import 'server-only';
import type { WebEnv } from '@patentrack/shared';
import type { AuthorizationRequest } from '../auth/oauth/authorization';
import { integrationClient, type Integration } from './providers';

/** URL segment of each integration, as in its API paths (`/integrations/google-drive/connect`). */
export const INTEGRATION_SLUGS = {
  slack: 'slack',
  google_drive: 'google-drive',
  microsoft_teams: 'teams',
} as const;
export type IntegrationSlug = (typeof INTEGRATION_SLUGS)[Integration];

export function integrationOfSlug(slug: string): Integration | null {
  const found = Object.entries(INTEGRATION_SLUGS).find(([, value]) => value === slug);
  return found ? (found[0] as Integration) : null;
}

/** Connecting an integration from the settings page, back on `/settings/integrations/callback/{slug}`. */
export function integrationAuthorization(env: WebEnv, integration: Integration): AuthorizationRequest | null {
  const client = integrationClient(env, integration);
  if (!client) return null;
  return {
    key: `integration:${integration}`,
    authorizeUrl: client.authorizeUrl,
    clientId: client.clientId,
    scope: client.scope,
    redirectUri: new URL(
      `/settings/integrations/callback/${INTEGRATION_SLUGS[integration]}`,
      env.APP_URL,
    ).toString(),
    cookiePath: '/settings/integrations',
    pkce: client.pkce,
    openId: false,
  };
}
