// Makes sure PostgreSQL and Redis answer before anything else runs (engineering.md §6).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

export function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await canConnect(host, port, 500)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

function run(command, log) {
  log(`$ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

function aptInstall(packages, log) {
  if (!isRoot || !hasCommand('apt-get')) return false;
  run('apt-get update -qq', log);
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, log);
  return true;
}

function startPostgres(log) {
  if (!hasCommand('pg_ctlcluster') && !aptInstall('postgresql postgresql-contrib', log)) return false;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length === 0) return false;
  run(`pg_ctlcluster --skip-systemctl-redirect ${versions.sort().at(-1)} main start`, log);
  return true;
}

function startRedis(log) {
  if (!hasCommand('redis-server') && !aptInstall('redis-server', log)) return false;
  run(
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp',
    log,
  );
  return true;
}

const manualHelp = 'Start them yourself, for example with `docker compose up -d` (see docker-compose.yml).';

/** Ensures both services answer, starting locally installed servers when they are stopped. */
export async function ensureServices({ databaseUrl, redisUrl, log }) {
  const services = [
    { name: 'PostgreSQL', url: new URL(databaseUrl), defaultPort: 5432, start: startPostgres },
    { name: 'Redis', url: new URL(redisUrl), defaultPort: 6379, start: startRedis },
  ];
  for (const service of services) {
    const host = service.url.hostname || '127.0.0.1';
    const port = Number(service.url.port || service.defaultPort);
    if (await canConnect(host, port)) continue;
    const local = host === '127.0.0.1' || host === 'localhost';
    log(`${service.name} is not reachable at ${host}:${port}; trying to start it`);
    let started = false;
    try {
      started = local && service.start(log) && (await waitFor(host, port, 30));
    } catch (error) {
      log(`could not start ${service.name}: ${error.message}`);
    }
    if (!started) throw new Error(`${service.name} is not reachable at ${host}:${port}. ${manualHelp}`);
    log(`${service.name} is up`);
  }
}
