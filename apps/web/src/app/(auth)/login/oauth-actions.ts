'use server';

import { z } from 'zod';
import { safeReturnTo } from '@/lib/api';
import { webEnv } from '@/server/env';
import { signInAuthorization } from '@/server/auth/oauth/authorization';
import { startAuthorization, takeAuthorization } from '@/server/auth/oauth/pending-cookie';
import { SIGN_IN_PROVIDERS } from '@/server/auth/oauth/providers';

const providerSchema = z.enum(SIGN_IN_PROVIDERS);

/** "Continue with …": the provider's authorize URL for the browser to open; null when it is not configured. */
export async function startOAuthSignIn(provider: string, returnTo: string): Promise<string | null> {
  const env = webEnv();
  const request = signInAuthorization(env, providerSchema.parse(provider));
  return request && startAuthorization(env, request, safeReturnTo(returnTo));
}

/** The callback page's one use of the pending request: what the code exchange (#8, #9) needs. */
export async function claimOAuthSignIn(provider: string, state: string) {
  const env = webEnv();
  const request = signInAuthorization(env, providerSchema.parse(provider));
  const pending = request && (await takeAuthorization(env, request, z.string().max(200).parse(state)));
  return (
    pending && {
      codeVerifier: pending.codeVerifier ?? '',
      redirectUri: pending.redirectUri,
      returnTo: pending.returnTo,
    }
  );
}
