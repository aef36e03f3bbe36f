import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: [
    '@patentrack/shared',
    '@patentrack/db',
    '@patentrack/business-rules',
    '@patentrack/ui',
    '@patentrack/storage',
  ],
  serverExternalPackages: ['pg', 'pg-copy-streams', 'pino', 'ioredis'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
