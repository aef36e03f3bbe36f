import 'server-only';
import { z } from 'zod';
import { AppError } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import { userIdentities } from '@patentrack/db/schema';
import type { ServerDeps } from '../../http/deps';
import { exchangeAuthorizationCode, nonceForVerifier, verifyIdToken } from '../../oauth/client';
import {
  findCredentials,
  findCredentialsByIdentity,
  recordAudit,
  userContext,
  type CredentialRow,
} from '../accounts';
import { afterFirstFactor, assertAccountUsable, type LoginResult, type RequestMeta } from '../login';
import { signInProvider, type SignInProvider, type SignInProviderConfig } from './providers';

export interface OAuthSignInInput {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

const tokenAnswer = z.object({ id_token: z.string().min(1) });

const refused = (message: string, reason: string) => new AppError('FORBIDDEN', message, { reason });

/** Links the identity to the account whose address the provider verified, in one transaction with its audit row. */
async function linkIdentity(
  deps: ServerDeps,
  user: CredentialRow,
  provider: SignInProvider,
  providerAccountId: string,
  meta: RequestMeta,
) {
  await withTenant(deps.db, userContext(user), async (tx) => {
    await tx
      .insert(userIdentities)
      .values({ organizationId: user.organizationId, userId: user.id, provider, providerAccountId })
      .onConflictDoNothing();
    await recordAudit(tx, user.organizationId, {
      action: 'user.identity_linked',
      actorUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      ...meta,
      metadata: { provider },
    });
  });
}

/** Refuses accounts that may not sign in (status, unverified) and super admins (password + TOTP only, Part A). */
function assertMaySignIn(user: CredentialRow): CredentialRow {
  if (user.role === 'super_admin')
    throw refused(
      'Super administrators sign in with their password and authenticator code',
      'password_required',
    );
  assertAccountUsable(user);
  return user;
}

/** The account of a verified identity: the linked one, else the account with the provider-verified email (then linked). */
async function accountOf(
  deps: ServerDeps,
  config: SignInProviderConfig,
  claims: { sub: string; email: string | null; emailVerified: boolean },
  meta: RequestMeta,
): Promise<CredentialRow> {
  const linked = await findCredentialsByIdentity(deps, config.provider, claims.sub);
  if (linked) return assertMaySignIn(linked);
  if (!claims.email || !claims.emailVerified)
    throw refused(
      `${config.name} did not confirm an email address for this account; sign in with your password`,
      'email_not_verified_by_provider',
    );
  const byEmail = await findCredentials(deps, claims.email);
  // No self-service sign-up through a provider: accounts come from registration (#4) or an invitation.
  if (!byEmail)
    throw refused(
      'No PatenTrack account uses this email address; register or ask your administrator for an invitation',
      'no_account',
    );
  assertMaySignIn(byEmail);
  await linkIdentity(deps, byEmail, config.provider, claims.sub, meta);
  return byEmail;
}

/**
 * OAuth sign-in with PKCE (product.md #8, #9): redeems the code with the verifier, verifies the id token (JWKS
 * signature, issuer, audience, expiry, the nonce derived from the verifier), finds or links the account, then the
 * same account checks, MFA step and session as password login.
 */
export async function oauthSignIn(
  deps: ServerDeps,
  provider: SignInProvider,
  input: OAuthSignInInput,
  meta: RequestMeta,
): Promise<LoginResult> {
  const config = signInProvider(deps.env, provider);
  if (!config)
    throw new AppError('NOT_FOUND', `Sign-in with ${provider} is not enabled`, {
      reason: 'provider_not_configured',
    });
  const tokens = await exchangeAuthorizationCode(config, input, tokenAnswer, deps.log);
  const claims = await verifyIdToken(tokens.id_token, {
    jwksUrl: config.jwksUrl,
    audience: config.clientId,
    issuer: config.issuer,
    nonce: nonceForVerifier(input.codeVerifier),
  });
  const user = await accountOf(
    deps,
    config,
    {
      sub: claims.sub!,
      email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
      emailVerified: config.emailVerified(claims),
    },
    meta,
  );
  return afterFirstFactor(deps, user, meta);
}
