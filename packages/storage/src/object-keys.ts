import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StoredFileType } from './file-types';

/**
 * `orgs/{orgId}/{purpose}/{32 random hex}.{ext}`: the owning org is part of the key, so a signature over the key
 * binds the org too; the random part makes keys unguessable and never reuses a client's file name.
 */
const OBJECT_KEY = /^orgs\/([0-9a-f-]{36})\/[a-z-]+\/[0-9a-f]{32}\.[a-z0-9]+$/;

export const objectKeySchema = z.string().regex(OBJECT_KEY, 'Not a stored file key');

export function newObjectKey(orgId: string, purpose: string, type: StoredFileType): string {
  return `orgs/${orgId}/${purpose}/${randomBytes(16).toString('hex')}.${type.extension}`;
}

/** The org a key belongs to. */
export function ownerOfKey(key: string): string {
  const owner = OBJECT_KEY.exec(key)?.[1];
  if (!owner) throw new Error(`Not a stored file key: ${key}`);
  return owner;
}
