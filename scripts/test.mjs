// `npm test`: the same bootstrap as `npm start`, then every test project (unit, integration, browser).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log, root, setup } from './lib/setup.mjs';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0)
    throw new Error(`${CHROMIUM} is missing: install the Debian package "chromium".`);
  log('installing Chromium for the browser tests');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}

await setup();
ensureChromium();
process.env.NODE_ENV = 'test';
// Style first: a lint or formatting error fails the run like a failing test.
const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0) process.exit(lint.status ?? 1);
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
