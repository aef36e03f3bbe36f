import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storageDirOf } from './storage-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('where stored files live (S-09)', () => {
  it('defaults to data/storage of the checkout from the repository root and from apps/web and apps/worker alike', () => {
    expect(storageDirOf(undefined, root)).toBe(path.join(root, 'data', 'storage'));
    for (const app of ['web', 'worker'])
      expect(storageDirOf(undefined, path.join(root, 'apps', app))).toBe(path.join(root, 'data', 'storage'));
    expect(storageDirOf('/var/lib/patentrack/files', root)).toBe('/var/lib/patentrack/files');
  });

  it('the default is git-ignored and outside every folder the web server serves', () => {
    const dir = storageDirOf(undefined, root);
    const ignored = execFileSync('git', ['check-ignore', path.join(dir, 'orgs', 'x.png')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ignored.trim()).not.toBe('');
    for (const served of ['apps/web/public', 'apps/web/.next'])
      expect(path.relative(path.join(root, served), dir).startsWith('..')).toBe(true);
  });
});
