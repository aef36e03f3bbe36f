import 'server-only';
import type { WebEnv } from '@patentrack/shared';
import type { OAuthClient } from '../oauth/client';

export const INTEGRATIONS = ['slack', 'google_drive', 'microsoft_teams'] as const;
export type Integration = (typeof INTEGRATIONS)[number];

export interface IntegrationClient extends OAuthClient {
  integration: Integration;
  authorizeUrl: string;
  scope: string;
  /** Drive and Teams redeem their codes with a PKCE verifier (#69, #71); Slack does not (#66). */
  pkce: boolean;
  /** Base URL of the provider's API the integration calls after connecting. */
  apiBaseUrl: string;
}

/**
 * The OAuth client of an integration when its client id and secret are set; otherwise it cannot be connected.
 * Drive and Teams use the same Google and Microsoft applications as sign-in, with the scopes they need.
 */
export function integrationClient(env: WebEnv, integration: Integration): IntegrationClient | null {
  if (integration === 'slack') {
    if (!env.SLACK_CLIENT_ID || !env.SLACK_CLIENT_SECRET) return null;
    return {
      integration,
      name: 'Slack',
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: env.SLACK_CLIENT_SECRET,
      authorizeUrl: env.SLACK_AUTHORIZE_URL,
      tokenUrl: `${env.SLACK_API_BASE_URL}/oauth.v2.access`,
      scope: 'chat:write,channels:read,groups:read',
      pkce: false,
      apiBaseUrl: env.SLACK_API_BASE_URL,
    };
  }
  if (integration === 'google_drive') {
    if (!env.GOOGLE_OAUTH_CLIENT_ID || !env.GOOGLE_OAUTH_CLIENT_SECRET) return null;
    return {
      integration,
      name: 'Google Drive',
      clientId: env.GOOGLE_OAUTH_CLIENT_ID,
      clientSecret: env.GOOGLE_OAUTH_CLIENT_SECRET,
      authorizeUrl: env.GOOGLE_OAUTH_AUTHORIZE_URL,
      tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL,
      scope: 'https://www.googleapis.com/auth/drive.file',
      pkce: true,
      apiBaseUrl: env.GOOGLE_DRIVE_API_BASE_URL,
    };
  }
  if (!env.MICROSOFT_OAUTH_CLIENT_ID || !env.MICROSOFT_OAUTH_CLIENT_SECRET) return null;
  return {
    integration,
    name: 'Microsoft Teams',
    clientId: env.MICROSOFT_OAUTH_CLIENT_ID,
    clientSecret: env.MICROSOFT_OAUTH_CLIENT_SECRET,
    authorizeUrl: env.MICROSOFT_OAUTH_AUTHORIZE_URL,
    tokenUrl: env.MICROSOFT_OAUTH_TOKEN_URL,
    scope:
      'offline_access https://graph.microsoft.com/Organization.Read.All https://graph.microsoft.com/ChannelMessage.Send',
    pkce: true,
    apiBaseUrl: env.MICROSOFT_GRAPH_BASE_URL,
  };
}
