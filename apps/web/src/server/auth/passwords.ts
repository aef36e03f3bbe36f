import { hash, verify } from '@node-rs/bcrypt';
import { BCRYPT_COST } from './config';

/** Cost factor encoded in a bcrypt hash (`$2y$08$…` → 8); null when the string is not bcrypt. */
export function bcryptCost(passwordHash: string): number | null {
  const match = /^\$2[abxy]?\$(\d{2})\$/.exec(passwordHash);
  return match ? Number(match[1]) : null;
}

export function hashPassword(password: string, cost: number = BCRYPT_COST): Promise<string> {
  return hash(password, cost);
}

export interface PasswordCheck {
  valid: boolean;
  /** True when the stored hash is weaker than `targetCost` (legacy cost-8 hashes, S-23). */
  needsRehash: boolean;
}

/** Verifies against any bcrypt variant (legacy PHP `$2y$` included) and says whether to upgrade it. */
export async function verifyPassword(
  password: string,
  passwordHash: string,
  targetCost: number = BCRYPT_COST,
): Promise<PasswordCheck> {
  const cost = bcryptCost(passwordHash);
  if (cost === null) return { valid: false, needsRehash: false };
  const valid = await verify(password, passwordHash).catch(() => false);
  return { valid, needsRehash: valid && cost < targetCost };
}
