import { describe, expect, it } from 'vitest';
import { DOCUMENT_LINK_TTL_SECONDS, publisherUrl, signDocumentPath, verifyDocumentPath } from './signing';

const SECRET = 'k'.repeat(64);
const ORG = '11111111-1111-4111-8111-111111111111';
const NOW = Date.UTC(2026, 0, 15, 12);

function partsOf(path: string) {
  const url = new URL(path, 'http://localhost');
  return {
    rfId: decodeURIComponent(url.pathname.split('/').pop()!),
    expires: Number(url.searchParams.get('expires')),
    signature: url.searchParams.get('signature')!,
  };
}

describe('signed document links (product.md #25)', () => {
  it('a link verifies for its org and transaction until it expires 15 minutes later', () => {
    const { path, expiresAt } = signDocumentPath(SECRET, ORG, '012345-0678', NOW);
    const { rfId, expires, signature } = partsOf(path);
    expect(rfId).toBe('012345-0678');
    expect(Date.parse(expiresAt)).toBe(NOW + DOCUMENT_LINK_TTL_SECONDS * 1000);
    expect(() => verifyDocumentPath(SECRET, ORG, rfId, expires, signature, NOW + 60_000)).not.toThrow();
    expect(() =>
      verifyDocumentPath(SECRET, ORG, rfId, expires, signature, NOW + DOCUMENT_LINK_TTL_SECONDS * 1000),
    ).toThrow(expect.objectContaining({ code: 'GONE' }));
  });

  it('another org, another transaction, a moved expiry or another secret is not found', () => {
    const { rfId, expires, signature } = partsOf(signDocumentPath(SECRET, ORG, '012345-0678', NOW).path);
    const notFound = expect.objectContaining({ code: 'NOT_FOUND' });
    expect(() =>
      verifyDocumentPath(SECRET, '22222222-2222-4222-8222-222222222222', rfId, expires, signature, NOW),
    ).toThrow(notFound);
    expect(() => verifyDocumentPath(SECRET, ORG, '012345-0679', expires, signature, NOW)).toThrow(notFound);
    expect(() => verifyDocumentPath(SECRET, ORG, rfId, expires + 3600, signature, NOW)).toThrow(notFound);
    expect(() => verifyDocumentPath('x'.repeat(64), ORG, rfId, expires, signature, NOW)).toThrow(notFound);
    expect(() => verifyDocumentPath(SECRET, ORG, rfId, undefined, undefined, NOW)).toThrow(notFound);
  });

  it('fills the publisher template with the reel and frame padded as the office names its files', () => {
    expect(publisherUrl('http://127.0.0.1:9/docs/{reel}-{frame}.pdf', 12345, 678)).toBe(
      'http://127.0.0.1:9/docs/012345-0678.pdf',
    );
  });
});
