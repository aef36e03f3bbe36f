import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, totp, totpUri } from './totp';
import { seal, unseal } from '@patentrack/shared/encryption';

// RFC 6238 appendix B (SHA-1 seed "12345678901234567890", 8 digits).
const seed = Buffer.from('12345678901234567890');
const RFC6238_SHA1 = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
] as const;

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238_SHA1)('S-28: at T=%i the code is %s', (time, code) => {
    expect(totp(seed, time, { digits: 8 })).toBe(code);
  });

  it('matches RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 9].map((c) => hotp(seed, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts one step of drift and reports the matched step', () => {
    const code = totp(seed, 1000);
    expect(matchTotp(seed, code, 1000)).toBe(33);
    expect(matchTotp(seed, code, 1030)).toBe(33);
    expect(matchTotp(seed, code, 1090)).toBeNull();
    expect(matchTotp(seed, '000000', 1000)).toBeNull();
  });

  it('base32 round-trips and builds an otpauth URI', () => {
    const encoded = base32Encode(seed);
    expect(encoded).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(encoded).equals(seed)).toBe(true);
    expect(totpUri(encoded, 'a@b.example')).toMatch(
      /^otpauth:\/\/totp\/PatenTrack%3Aa%40b\.example\?secret=GEZ/,
    );
  });
});

describe('secret sealing (AES-256-GCM)', () => {
  const key = 'ab'.repeat(32);
  it('round-trips and detects tampering or a wrong key', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => unseal(sealed, 'cd'.repeat(32))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => unseal(parts.join('.'), key)).toThrow();
  });
});
