import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app's `@/` import alias (apps/web/tsconfig.json paths), so route modules load under Vitest too.
const resolve = { alias: { '@/': fileURLToPath(new URL('./apps/web/src/', import.meta.url)) } };

const exclude = ['**/node_modules/**', '**/.next/**', '**/dist/**'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: [
            '{packages,apps}/*/src/**/*.test.{ts,tsx}',
            'apps/*/bin/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: [...exclude, '**/*.int.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        resolve,
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
      {
        resolve,
        test: {
          // Browser end-to-end tests: one seeded database, one built server and one Chromium for the run.
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          exclude,
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
          globalSetup: ['./e2e/global-setup.ts'],
        },
      },
    ],
  },
});
