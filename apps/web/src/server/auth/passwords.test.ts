import { describe, expect, it } from 'vitest';
import { hash } from '@node-rs/bcrypt';
import { failedPasswordRules, passwordSchema } from './password-policy';
import { bcryptCost, hashPassword, verifyPassword } from './passwords';

describe('password policy (BR-051)', () => {
  it('S-14: needs >= 12 characters with upper, lower and digit, checked server-side', () => {
    expect(failedPasswordRules('Correct-Horse-9x')).toEqual([]);
    expect(failedPasswordRules('short1A')).toEqual(['length']);
    expect(failedPasswordRules('alllowercase12')).toEqual(['upper']);
    expect(failedPasswordRules('ALLUPPERCASE12')).toEqual(['lower']);
    expect(failedPasswordRules('NoDigitsAtAllHere')).toEqual(['digit']);
    expect(passwordSchema.safeParse('short1A').success).toBe(false);
    expect(passwordSchema.safeParse('Correct-Horse-9x').success).toBe(true);
  });

  it('refuses passwords bcrypt would truncate', () => {
    expect(passwordSchema.safeParse(`Aa1${'x'.repeat(80)}`).success).toBe(false);
  });
});

describe('password hashing', () => {
  it('S-23: hashes at bcrypt cost 12', async () => {
    const stored = await hashPassword('Correct-Horse-9x');
    expect(stored.startsWith('$2b$12$')).toBe(true);
    await expect(verifyPassword('Correct-Horse-9x', stored)).resolves.toEqual({
      valid: true,
      needsRehash: false,
    });
    await expect(verifyPassword('Wrong-Horse-9x', stored)).resolves.toEqual({
      valid: false,
      needsRehash: false,
    });
  }, 30_000);

  it('verifies legacy cost-8 hashes (PHP $2y$ too) and asks for a rehash', async () => {
    const legacy = (await hash('Legacy-Pass-123', 8)).replace(/^\$2b\$/, '$2y$');
    expect(bcryptCost(legacy)).toBe(8);
    await expect(verifyPassword('Legacy-Pass-123', legacy)).resolves.toEqual({
      valid: true,
      needsRehash: true,
    });
    await expect(verifyPassword('legacy-pass-123', legacy)).resolves.toEqual({
      valid: false,
      needsRehash: false,
    });
  });

  it('treats a non-bcrypt value as a mismatch', async () => {
    await expect(verifyPassword('x', 'plaintext')).resolves.toEqual({ valid: false, needsRehash: false });
  });
});
