import { oauthSignInRoute } from '@/server/auth/oauth/sign-in-route';

export const POST = oauthSignInRoute(
  'microsoft',
  'Sign in with Microsoft, PKCE code exchange (product.md #9)',
);
