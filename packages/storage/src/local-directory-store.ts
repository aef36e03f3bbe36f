import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { ObjectStore, StoredObject } from './object-store';

/** Path segments of lower-case letters, digits, `.`, `_`, `-`, none starting with a dot: no `..`, no hidden files. */
const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Folders a web server hands out verbatim (Next serves `public/` and `.next/static/`); stored files never go there. */
const SERVED_FOLDERS = new Set(['public', 'static']);

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Private files in a local directory: owner-only permissions, written atomically, outside every served folder. */
export class LocalDirectoryStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    const served = this.root.split(path.sep).find((segment) => SERVED_FOLDERS.has(segment));
    if (served)
      throw new Error(`Storage directory ${this.root} is inside a publicly served "${served}" folder`);
  }

  /** The file of `key`; keys are checked so that no key can name a path outside the root. */
  pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid object key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // A reader never sees a half-written file: write beside it, then rename over it.
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    try {
      const { size } = await stat(file);
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
