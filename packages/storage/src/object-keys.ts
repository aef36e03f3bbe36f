import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StoredFileType } from './file-types';

/**
 * `orgs/{orgId}/{purpose}/{32 random hex}.{ext}`: the owning org is part of the key, so a signature over the key
 * binds the org too; the random part makes keys unguessable and never reuses a client's file name.
 * `logos/{orgId}/{companyId}.{ext}` (ingestion.md §3.7): a company's fetched logo, one per company, so a
 * re-enrichment replaces it; the org is again the first segment after the prefix.
 */
const OBJECT_KEY =
  /^(?:orgs\/([0-9a-f-]{36})\/[a-z-]+\/[0-9a-f]{32}|logos\/([0-9a-f-]{36})\/[0-9a-f-]{36})\.[a-z0-9]+$/;

export const objectKeySchema = z.string().regex(OBJECT_KEY, 'Not a stored file key');

export function newObjectKey(orgId: string, purpose: string, type: StoredFileType): string {
  return `orgs/${orgId}/${purpose}/${randomBytes(16).toString('hex')}.${type.extension}`;
}

/** Where the enrichment job stores a company's logo. */
export function companyLogoKey(orgId: string, companyId: string, type: StoredFileType): string {
  return `logos/${orgId}/${companyId}.${type.extension}`;
}

/** The org a key belongs to. */
export function ownerOfKey(key: string): string {
  const match = OBJECT_KEY.exec(key);
  const owner = match?.[1] ?? match?.[2];
  if (!owner) throw new Error(`Not a stored file key: ${key}`);
  return owner;
}
