import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDirectoryStore } from './local-directory-store';

let root: string;
let store: LocalDirectoryStore;
const KEY = 'orgs/11111111-1111-4111-8111-111111111111/logo/0123456789abcdef0123456789abcdef.png';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pt-store-'));
  store = new LocalDirectoryStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('local private directory store (S-09)', () => {
  it('keeps what it is given, readable by the owner only, and forgets it on delete', async () => {
    await store.put(KEY, new Uint8Array([1, 2, 3]));
    const stored = await store.get(KEY);
    expect(stored?.size).toBe(3);
    expect([...new Uint8Array(await new Response(stored!.body).arrayBuffer())]).toEqual([1, 2, 3]);
    expect((await stat(store.pathOf(KEY))).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(store.pathOf(KEY)))).toEqual([path.basename(KEY)]);
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeNull();
    await expect(store.delete(KEY)).resolves.toBeUndefined();
  });

  it('refuses keys that could leave its directory', () => {
    for (const key of [
      '../etc/passwd',
      'orgs/../../x',
      '/abs/path',
      'orgs//x',
      '.hidden',
      'orgs/x/..',
      'A\\b',
    ])
      expect(() => store.pathOf(key), key).toThrow(/Invalid object key/);
  });

  it('refuses a directory inside a publicly served folder', () => {
    expect(() => new LocalDirectoryStore('/srv/app/apps/web/public/uploads')).toThrow(/publicly served/);
    expect(() => new LocalDirectoryStore('/srv/app/apps/web/.next/static/files')).toThrow(/publicly served/);
  });
});
