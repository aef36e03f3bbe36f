import { Suspense } from 'react';
import { configuredSignInProviders } from '@/server/auth/oauth/providers';
import { webEnv } from '@/server/env';
import { LoginForm } from './LoginForm';

export const metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <Suspense>
      {/* Only configured providers get a button (product.md #8, #9). */}
      <LoginForm providers={configuredSignInProviders(webEnv())} />
    </Suspense>
  );
}
