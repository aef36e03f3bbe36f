import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Opaque bearer secret (refresh tokens, session ids): `bytes` CSPRNG bytes, base64url. */
export function opaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 8-character email code from a CSPRNG (BR-052); no look-alike characters. */
export function emailCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Email codes are typed by people: compare case-insensitively, ignoring spaces and dashes. */
export function normalizeEmailCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Password-reset token: 40 hex characters = 20 random bytes (BR-053). */
export function resetToken(): string {
  return randomBytes(20).toString('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
