// `npm start`: bootstrap, demo data, build, then serve web + worker until Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { log, patentrack, root, setup } from './lib/setup.mjs';
import { buildWebIfStale, webDir } from './lib/web-build.mjs';

const PORT = Number(process.env.PORT ?? 3000);

await setup();
log('seeding the demo organization (skipped when present)');
patentrack(['seed', 'demo', '--if-missing']);
const demoLogin = () => {
  const saved = /^DEMO_ADMIN_PASSWORD=(.*)$/m.exec(
    existsSync(path.join(root, '.env.local')) ? readFileSync(path.join(root, '.env.local'), 'utf8') : '',
  );
  return `  Demo login: demo-admin@patentrack.local / ${saved ? saved[1] : '(password not found in .env.local)'}\n`;
};
process.env.NODE_ENV = 'production';
process.env.APP_URL ??= `http://localhost:${PORT}`;
buildWebIfStale(log);

const children = [
  // The binaries themselves, not `npx`, so a stop signal reaches the servers and nothing is left running.
  spawn(process.execPath, [path.join(webDir, 'server.mjs'), '-p', String(PORT)], {
    cwd: webDir,
    stdio: 'inherit',
    env: process.env,
  }),
  spawn(path.join(root, 'node_modules/.bin/patentrack'), ['worker'], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  }),
];

process.stdout.write(
  `\n  PatenTrack3 is running at http://localhost:${PORT}\n` + demoLogin() + '  Press Ctrl-C to stop.\n\n',
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
