import 'server-only';
import type { JWTPayload } from 'jose';
import type { WebEnv } from '@patentrack/shared';
import type { OAuthClient } from '../../oauth/client';

export const SIGN_IN_PROVIDERS = ['google', 'microsoft'] as const;
export type SignInProvider = (typeof SIGN_IN_PROVIDERS)[number];

export interface SignInProviderConfig extends OAuthClient {
  provider: SignInProvider;
  authorizeUrl: string;
  jwksUrl: string;
  issuer: string | ((claims: JWTPayload) => string);
  /**
   * Whether the provider vouches for the address in `email`. Google says so in `email_verified`. Microsoft's
   * `email` is editable by tenant admins, so only its `xms_edov` claim (the tenant owns the email's domain) counts;
   * without it an account can only sign in through an identity linked before.
   */
  emailVerified(claims: JWTPayload): boolean;
}

/** The provider's settings when its client id and secret are both set; otherwise it is not offered at all. */
export function signInProvider(env: WebEnv, provider: SignInProvider): SignInProviderConfig | null {
  if (provider === 'google') {
    if (!env.GOOGLE_OAUTH_CLIENT_ID || !env.GOOGLE_OAUTH_CLIENT_SECRET) return null;
    return {
      provider,
      name: 'Google',
      clientId: env.GOOGLE_OAUTH_CLIENT_ID,
      clientSecret: env.GOOGLE_OAUTH_CLIENT_SECRET,
      authorizeUrl: env.GOOGLE_OAUTH_AUTHORIZE_URL,
      tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL,
      jwksUrl: env.GOOGLE_OAUTH_JWKS_URL,
      issuer: env.GOOGLE_OAUTH_ISSUER,
      emailVerified: (claims) => claims.email_verified === true,
    };
  }
  if (!env.MICROSOFT_OAUTH_CLIENT_ID || !env.MICROSOFT_OAUTH_CLIENT_SECRET) return null;
  const issuerTemplate = env.MICROSOFT_OAUTH_ISSUER;
  return {
    provider,
    name: 'Microsoft',
    clientId: env.MICROSOFT_OAUTH_CLIENT_ID,
    clientSecret: env.MICROSOFT_OAUTH_CLIENT_SECRET,
    authorizeUrl: env.MICROSOFT_OAUTH_AUTHORIZE_URL,
    tokenUrl: env.MICROSOFT_OAUTH_TOKEN_URL,
    jwksUrl: env.MICROSOFT_OAUTH_JWKS_URL,
    issuer: (claims) => issuerTemplate.replace('{tenantid}', String(claims.tid ?? '')),
    emailVerified: (claims) => claims.xms_edov === true,
  };
}

/** The providers this deployment offers, for the login page. */
export function configuredSignInProviders(env: WebEnv): SignInProvider[] {
  return SIGN_IN_PROVIDERS.filter((provider) => signInProvider(env, provider) !== null);
}
