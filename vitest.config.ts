import { defineConfig } from 'vitest/config';

const exclude = ['**/node_modules/**', '**/.next/**', '**/dist/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{packages,apps}/*/src/**/*.test.{ts,tsx}', 'apps/*/bin/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{packages,apps}/*/src/**/*.int.test.{ts,tsx}'],
          exclude,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          globalSetup: ['./packages/db/src/testing/global-setup.ts'],
        },
      },
    ],
  },
});
