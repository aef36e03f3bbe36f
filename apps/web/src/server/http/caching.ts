import { createHash } from 'node:crypto';

/**
 * Data classes of architecture §7.7 / product.md Part C "Cache": tenant and share data are always `private`
 * so no shared cache can serve them to another tenant.
 */
export type CachePolicy =
  | { kind: 'no-store' }
  | { kind: 'etag' }
  | { kind: 'private'; maxAgeSeconds: number }
  | { kind: 'reference'; maxAgeSeconds: number };

export const cache = {
  /** User-specific data, auth responses, mutations. */
  noStore: { kind: 'no-store' } as CachePolicy,
  /** Tenant data revalidated on every use: `private, no-cache` + ETag (304 on If-None-Match). */
  etag: { kind: 'etag' } as CachePolicy,
  /** Tenant data that may be reused for a while: `private, max-age=n` + ETag. */
  privateFor: (maxAgeSeconds: number): CachePolicy => ({ kind: 'private', maxAgeSeconds }),
  /** Public reference data with no tenant in it (e.g. CPC titles): `public, max-age=n` + ETag. */
  reference: (maxAgeSeconds: number): CachePolicy => ({ kind: 'reference', maxAgeSeconds }),
};

export function cacheControlOf(policy: CachePolicy): string {
  switch (policy.kind) {
    case 'no-store':
      return 'private, no-store';
    case 'etag':
      return 'private, no-cache';
    case 'private':
      return `private, max-age=${policy.maxAgeSeconds}`;
    case 'reference':
      return `public, max-age=${policy.maxAgeSeconds}`;
  }
}

export function usesEtag(policy: CachePolicy): boolean {
  return policy.kind !== 'no-store';
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** RFC 9110 weak comparison of an If-None-Match header with our (strong) tag. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
