import { describe, expect, it } from 'vitest';
import { FILE_LINK_TTL_SECONDS, signedFileQuery, signFileUrl, verifyFileUrl } from './signed-urls';

const SECRET = 's'.repeat(64);
const KEY = 'orgs/11111111-1111-4111-8111-111111111111/logo/0123456789abcdef0123456789abcdef.png';
const OTHER = 'orgs/22222222-2222-4222-8222-222222222222/logo/0123456789abcdef0123456789abcdef.png';
const NOW = Date.UTC(2026, 0, 15, 12);

const queryOf = (url: string) =>
  signedFileQuery.parse(Object.fromEntries(new URL(url, 'http://localhost').searchParams));

describe('signed file links (S-09)', () => {
  it('a link opens its key for five minutes, then is gone', () => {
    const { url, expiresAt } = signFileUrl(SECRET, KEY, NOW);
    const query = queryOf(url);
    expect(query.key).toBe(KEY);
    expect(Date.parse(expiresAt)).toBe(NOW + FILE_LINK_TTL_SECONDS * 1000);
    expect(FILE_LINK_TTL_SECONDS).toBe(300);
    expect(() => verifyFileUrl(SECRET, query, NOW + 299_000)).not.toThrow();
    expect(() => verifyFileUrl(SECRET, query, NOW + 300_000)).toThrow(
      expect.objectContaining({ code: 'GONE', details: { reason: 'expired' } }),
    );
  });

  it('a tampered signature, another key, a moved expiry or another secret is not found', () => {
    const query = queryOf(signFileUrl(SECRET, KEY, NOW).url);
    const notFound = expect.objectContaining({ code: 'NOT_FOUND' });
    const flipped = `${query.signature.slice(0, -1)}${query.signature.endsWith('A') ? 'B' : 'A'}`;
    expect(() => verifyFileUrl(SECRET, { ...query, signature: flipped }, NOW)).toThrow(notFound);
    expect(() => verifyFileUrl(SECRET, { ...query, key: OTHER }, NOW)).toThrow(notFound);
    expect(() => verifyFileUrl(SECRET, { ...query, expires: query.expires + 3600 }, NOW)).toThrow(notFound);
    expect(() => verifyFileUrl('t'.repeat(64), query, NOW)).toThrow(notFound);
  });

  it('only stored-file keys are accepted in a link', () => {
    const query = queryOf(signFileUrl(SECRET, KEY, NOW).url);
    for (const key of ['../../etc/passwd', 'orgs/x/logo/a.png', `${KEY}/..`])
      expect(signedFileQuery.safeParse({ ...query, key }).success, key).toBe(false);
  });

  it('a signed file name is part of the link: changed or added afterwards, the link is not found', () => {
    const query = queryOf(signFileUrl(SECRET, KEY, NOW, 'acme-assets-2026-01-15.csv').url);
    expect(query.name).toBe('acme-assets-2026-01-15.csv');
    expect(() => verifyFileUrl(SECRET, query, NOW)).not.toThrow();
    const notFound = expect.objectContaining({ code: 'NOT_FOUND' });
    expect(() => verifyFileUrl(SECRET, { ...query, name: 'other.csv' }, NOW)).toThrow(notFound);
    expect(() => verifyFileUrl(SECRET, { ...query, name: undefined }, NOW)).toThrow(notFound);
    const unnamed = queryOf(signFileUrl(SECRET, KEY, NOW).url);
    expect(() => verifyFileUrl(SECRET, { ...unnamed, name: 'logo.png' }, NOW)).toThrow(notFound);
    expect(signedFileQuery.safeParse({ ...query, name: 'a"; b.csv' }).success).toBe(false);
  });
});
