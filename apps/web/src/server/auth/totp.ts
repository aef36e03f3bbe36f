import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from './secrets';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(encoded: string): Buffer {
  const clean = encoded.toUpperCase().replace(/=+$/, '').replace(/\s/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('Invalid base32 character');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export interface TotpOptions {
  digits?: number;
  stepSeconds?: number;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}

/** RFC 4226 HOTP value for one counter. */
export function hotp(
  secret: Buffer,
  counter: number,
  { digits = 6, algorithm = 'sha1' }: TotpOptions = {},
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(algorithm, secret).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

/** RFC 6238 time step containing `unixSeconds`. */
export function totpStep(unixSeconds: number, stepSeconds = 30): number {
  return Math.floor(unixSeconds / stepSeconds);
}

export function totp(secret: Buffer, unixSeconds: number, options: TotpOptions = {}): string {
  return hotp(secret, totpStep(unixSeconds, options.stepSeconds), options);
}

/**
 * The time step a code matches within ±`window` steps of now, or null. The caller stores the step to refuse
 * a replay of the same code.
 */
export function matchTotp(
  secret: Buffer,
  code: string,
  unixSeconds: number,
  window = 1,
  options: TotpOptions = {},
): number | null {
  const current = totpStep(unixSeconds, options.stepSeconds);
  for (let delta = -window; delta <= window; delta += 1) {
    if (safeEqual(hotp(secret, current + delta, options), code)) return current + delta;
  }
  return null;
}

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** `otpauth://` URI that authenticator apps read from a QR code. */
export function totpUri(secretBase32: string, accountName: string, issuer = 'PatenTrack'): string {
  const label = encodeURIComponent(`${issuer}:${accountName}`);
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
