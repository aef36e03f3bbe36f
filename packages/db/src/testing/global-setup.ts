import { ensureTestTemplate } from './template';

/** Vitest globalSetup of the integration project: builds the migrated template once per run. */
export default async function setup(): Promise<void> {
  await ensureTestTemplate();
}
