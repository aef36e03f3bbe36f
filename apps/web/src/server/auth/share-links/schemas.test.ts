import { describe, expect, it } from 'vitest';
import { createShareCode, maskIp } from './manage';
import { expiresAtFor, shareCodeSchema } from './schemas';

describe('share link rules', () => {
  it('BR-044: 10^5 new codes are 32 characters, well-formed and unique', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 100_000; i += 1) codes.add(createShareCode());
    expect(codes.size).toBe(100_000);
    for (const code of [...codes].slice(0, 1000)) expect(code).toMatch(/^[a-z][a-z0-9]{31}$/);
    expect(shareCodeSchema.safeParse('a'.repeat(24)).success).toBe(true);
    expect(shareCodeSchema.safeParse('a'.repeat(23)).success).toBe(false);
    expect(shareCodeSchema.safeParse(`1${'a'.repeat(31)}`).success).toBe(false);
    expect(shareCodeSchema.safeParse('A'.repeat(32)).success).toBe(false);
  }, 120_000);

  it('BR-046: created 2025-01-01T00:00Z with 7d expires 2025-01-08T00:00Z; never has no expiry', () => {
    expect(expiresAtFor('7d', new Date('2025-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2025-01-08T00:00:00.000Z',
    );
    expect(expiresAtFor('1h', new Date('2025-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2025-01-01T01:00:00.000Z',
    );
    expect(expiresAtFor('never', new Date())).toBeNull();
  });

  it('masks access-log addresses', () => {
    expect(maskIp('203.0.113.7')).toBe('203.0.113.x');
    expect(maskIp('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3::');
  });
});
