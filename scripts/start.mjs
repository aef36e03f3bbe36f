// `npm start`: bootstrap, demo data, build, then serve web + worker until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { log, root, setup } from './lib/setup.mjs';

const PORT = Number(process.env.PORT ?? 3000);
const webDir = path.join(root, 'apps/web');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuilds the web app only when a source file changed since the last build. */
function buildWebIfStale() {
  const buildId = path.join(webDir, '.next/BUILD_ID');
  const sources = Math.max(newestMtime(webDir), newestMtime(path.join(root, 'packages')));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  log('building the web app (next build)');
  const result = spawnSync('npx', ['next', 'build'], { cwd: webDir, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('next build failed');
}

await setup();
process.env.NODE_ENV = 'production';
process.env.APP_URL ??= `http://localhost:${PORT}`;
buildWebIfStale();

const children = [
  spawn('npx', ['next', 'start', '-p', String(PORT)], { cwd: webDir, stdio: 'inherit', env: process.env }),
  spawn(path.join(root, 'node_modules/.bin/patentrack'), ['worker'], { cwd: root, stdio: 'inherit', env: process.env }),
];

process.stdout.write(
  `\n  PatenTrack3 is running at http://localhost:${PORT}\n` +
    '  Press Ctrl-C to stop.\n\n',
);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) log(`a process exited (code ${code}); stopping the others`);
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });
}
