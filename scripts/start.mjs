// `npm start`: bootstrap, demo data, build, then serve web + worker until Ctrl-C.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { log, root, setup } from './lib/setup.mjs';
import { buildWebIfStale, webDir } from './lib/web-build.mjs';

const PORT = Number(process.env.PORT ?? 3000);

await setup();
process.env.NODE_ENV = 'production';
process.env.APP_URL ??= `http://localhost:${PORT}`;
buildWebIfStale(log);

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
