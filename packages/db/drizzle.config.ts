import { defineConfig } from 'drizzle-kit';

/** Used only to render the schema as SQL (`drizzle-kit export`); migrations are applied by src/migrate.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
