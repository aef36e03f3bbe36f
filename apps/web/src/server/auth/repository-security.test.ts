import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@patentrack/shared';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const thisFile = path.relative(root, fileURLToPath(import.meta.url));
// Reading the list of tracked files is the one child process here; it runs in the test, never in a request path.
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && existsSync(path.join(root, file)));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const isSourceFile = (file: string) => /\.(ts|tsx|mjs|js|cjs)$/.test(file);
const isTest = (file: string) => /\.(int\.)?test\.tsx?$/.test(file);
/** Code that can run while serving a request: the web app and every package it can import. */
const serverCode = tracked.filter(
  (f) => isSourceFile(f) && !isTest(f) && /^(apps\/web\/src|packages\/[^/]+\/src)\//.test(f),
);

describe('repository-wide security checks', () => {
  it('S-01: no request-path code can spawn a process or a shell', () => {
    expect(serverCode.length).toBeGreaterThan(20);
    const offenders = serverCode.filter((f) =>
      /(node:)?child_process|\bexecSync\b|\bspawnSync\b|shelljs|\bexeca\b/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('S-05/S-06: no key-like literal in any tracked text file', () => {
    const patterns = [
      /AKIA[0-9A-Z]{16}/,
      /-----BEGIN (RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/,
      /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
      /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
      /\bAIza[0-9A-Za-z_-]{35}\b/,
      /\bsk_live_[A-Za-z0-9]{20,}/,
      /(api[_-]?key|secret|password|client[_-]?secret|token)["']?\s*[:=]\s*["'][A-Za-z0-9+/=_-]{24,}["']/i,
    ];
    const offenders = tracked
      .filter(
        (f) =>
          f !== thisFile && !f.endsWith('package-lock.json') && statSync(path.join(root, f)).size < 2_000_000,
      )
      .filter(
        (f) =>
          /\.(ts|tsx|js|mjs|cjs|json|md|ya?ml|sql|sh|env|example|txt|toml)$/.test(f) ||
          path.basename(f).startsWith('.env'),
      )
      .filter((f) => patterns.some((p) => p.test(read(f))));
    expect(offenders).toEqual([]);
  });

  it('S-10: no .env file is tracked except a value-free .env.example', () => {
    expect(tracked.filter((f) => path.basename(f).startsWith('.env'))).toEqual(['.env.example']);
    const secrets = [
      'JWT_SECRET',
      'SHARE_TOKEN_SECRET',
      'ENCRYPTION_KEY',
      'STORAGE_SIGNING_SECRET',
      'USPTO_ODP_API_KEY',
    ];
    for (const name of secrets) expect(read('.env.example')).toMatch(new RegExp(`^${name}=\\s*(#.*)?$`, 'm'));
    const ignored = execFileSync('git', ['check-ignore', '.env', '.env.local', '.env.production'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ignored.trim().split('\n')).toHaveLength(3);
  });

  it('S-12: no code falls back to a literal when a secret is unset', () => {
    const offenders = serverCode.filter((f) =>
      /(JWT_SECRET|SHARE_TOKEN_SECRET|ENCRYPTION_KEY|STORAGE_SIGNING_SECRET)\s*(\?\?|\|\|)/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('S-19/BR-064: nothing in the web app or UI package uses localStorage or sessionStorage', () => {
    const clientCode = tracked.filter(
      (f) => isSourceFile(f) && !isTest(f) && /^(apps\/web\/src|packages\/ui\/src)\//.test(f),
    );
    expect(clientCode.filter((f) => /\b(localStorage|sessionStorage)\b/.test(read(f)))).toEqual([]);
  });

  it('S-18: modules holding database or Redis connections are server-only, so a client bundle importing them fails to build', () => {
    for (const file of [
      'apps/web/src/server/connections.ts',
      'apps/web/src/server/http/deps.ts',
      'apps/web/src/server/http/api-route.ts',
    ]) {
      expect(read(file), file).toMatch(/^import 'server-only';/m);
    }
    const clientComponents = tracked.filter(
      (f) => /\.(tsx?)$/.test(f) && f.startsWith('apps/web/src/') && /^['"]use client['"]/m.test(read(f)),
    );
    for (const file of clientComponents)
      expect(read(file), file).not.toMatch(/from ['"](@\/server\/|@patentrack\/db|ioredis|pg)['"/]/);
  });

  it('S-07/S-08: current framework majors', () => {
    const web = JSON.parse(read('apps/web/package.json')) as { dependencies: Record<string, string> };
    expect(Number(/\d+/.exec(web.dependencies.next!)![0])).toBeGreaterThanOrEqual(16);
    expect(Number(/\d+/.exec(web.dependencies.react!)![0])).toBeGreaterThanOrEqual(19);
  });

  it('S-22/S-26: JSON logs redact tokens, passwords and authorization headers', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger('redaction-check', { level: 'info' }, sink);
    log.info(
      {
        token: 'tkn-secret',
        password: 'pw-secret',
        headers: { authorization: 'Bearer abc' },
        authorization: 'Bearer abc',
      },
      'probe',
    );
    const entry = JSON.parse(lines[0]!);
    expect(JSON.stringify(entry)).not.toMatch(/tkn-secret|pw-secret|Bearer/);
    expect(entry.msg).toBe('probe');
  });
});
