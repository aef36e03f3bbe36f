import { oauthSignInRoute } from '@/server/auth/oauth/sign-in-route';

export const POST = oauthSignInRoute('google', 'Sign in with Google, PKCE code exchange (product.md #8)');
