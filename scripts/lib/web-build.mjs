// Builds the Next.js app only when a source file changed since the last build (shared by start and e2e).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.join(root, 'apps/web');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildWebIfStale(log = (m) => process.stderr.write(`${m}\n`)) {
  const buildId = path.join(webDir, '.next/BUILD_ID');
  const sources = Math.max(newestMtime(webDir), newestMtime(path.join(root, 'packages')));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  log('building the web app (next build)');
  // A build must not need runtime secrets; env is validated when the server starts.
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: webDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}
