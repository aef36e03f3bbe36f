import { existsSync } from 'node:fs';
import path from 'node:path';

/** The npm workspace root above `from` (where package-lock.json lives), or `from` itself outside a checkout. */
function workspaceRootOf(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package-lock.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from);
  }
}

/**
 * STORAGE_DIR, or `data/storage` of the checkout (git-ignored). The web server and the worker run from their app folders, so the default
 * is anchored at the workspace root rather than the working directory.
 */
export function storageDirOf(configured: string | undefined, cwd = process.cwd()): string {
  return configured ? path.resolve(cwd, configured) : path.join(workspaceRootOf(cwd), 'data', 'storage');
}
