import { describe, expect, it } from 'vitest';
import { PNG } from './file-types';
import { companyLogoKey, newObjectKey, objectKeySchema, ownerOfKey } from './object-keys';

const ORG = '11111111-1111-4111-8111-111111111111';
const COMPANY = '22222222-2222-4222-8222-222222222222';

describe('stored file keys', () => {
  it('name their owning org, for uploads and fetched company logos alike', () => {
    const upload = newObjectKey(ORG, 'logo', PNG);
    const logo = companyLogoKey(ORG, COMPANY, PNG);
    expect(logo).toBe(`logos/${ORG}/${COMPANY}.png`);
    for (const key of [upload, logo]) {
      expect(objectKeySchema.safeParse(key).success).toBe(true);
      expect(ownerOfKey(key)).toBe(ORG);
    }
  });

  it('refuse anything else', () => {
    for (const key of [`logos/${ORG}/x.png`, `logos/${ORG}/${COMPANY}`, `other/${ORG}/${COMPANY}.png`]) {
      expect(objectKeySchema.safeParse(key).success).toBe(false);
      expect(() => ownerOfKey(key)).toThrow('Not a stored file key');
    }
  });
});
