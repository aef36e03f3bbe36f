// The bootstrap shared by `npm start` and `npm test`: dependencies, services, secrets, database.
import { execSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const log = (message) => process.stderr.write(`[setup] ${message}\n`);

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/patentrack';
const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

function installDependencies() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const upToDate = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (upToDate && existsSync(path.join(root, 'node_modules/.bin/patentrack'))) return;
  log('installing dependencies (npm ci)');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

/** Secrets never have defaults in code: generate local ones once into .env.local (git-ignored). */
function ensureLocalSecrets() {
  const file = path.join(root, '.env.local');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const missing = ['JWT_SECRET', 'SHARE_TOKEN_SECRET', 'ENCRYPTION_KEY', 'STORAGE_SIGNING_SECRET'].filter(
    (name) => !new RegExp(`^${name}=`, 'm').test(existing),
  );
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString('hex')}`).join('\n');
  if (existing === '')
    writeFileSync(file, `# Generated local secrets (never commit)\n${lines}\n`, { mode: 0o600 });
  else appendFileSync(file, `${existing.endsWith('\n') ? '' : '\n'}${lines}\n`);
  log(`generated ${missing.join(', ')} into .env.local`);
}

function loadLocalEnv() {
  for (const file of ['.env', '.env.local']) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    for (const line of readFileSync(full, 'utf8').split('\n')) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
    }
  }
}

export function patentrack(args, options = {}) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/patentrack'), args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    ...options,
  });
  if (result.status !== 0) throw new Error(`patentrack ${args.join(' ')} failed (exit ${result.status})`);
}

/** Everything both commands need before they run anything. */
export async function setup() {
  installDependencies();
  ensureLocalSecrets();
  loadLocalEnv();
  process.env.DATABASE_URL ??= LOCAL_DATABASE_URL;
  process.env.REDIS_URL ??= LOCAL_REDIS_URL;
  await ensureServices({ databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, log });
  log('migrating the database');
  patentrack(['db', 'migrate']);
}
