import 'server-only';
import { loadEnv, webEnvSchema, type WebEnv } from '@patentrack/shared';

let cached: WebEnv | undefined;

/** The web process's validated environment (engineering.md §4); throws naming any bad variable. */
export function webEnv(): WebEnv {
  cached ??= loadEnv(webEnvSchema);
  return cached;
}
