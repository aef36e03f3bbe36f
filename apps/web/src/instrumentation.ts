/** Runs once when the server starts: an invalid environment stops the process before it serves anything. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadEnv, webEnvSchema } = await import('@patentrack/shared');
  loadEnv(webEnvSchema);
}
