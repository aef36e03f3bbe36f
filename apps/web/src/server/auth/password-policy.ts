import { z } from 'zod';

/** Password rules of BR-051 / S-14; pure so the registration form shows the same checklist live. */
export const PASSWORD_RULES = [
  { id: 'length', message: 'At least 12 characters', test: (p: string) => p.length >= 12 },
  { id: 'upper', message: 'An uppercase letter', test: (p: string) => /\p{Lu}/u.test(p) },
  { id: 'lower', message: 'A lowercase letter', test: (p: string) => /\p{Ll}/u.test(p) },
  { id: 'digit', message: 'A digit', test: (p: string) => /\d/.test(p) },
] as const;
export type PasswordRuleId = (typeof PASSWORD_RULES)[number]['id'];

/** Ids of the rules `password` fails; empty when it satisfies the policy. */
export function failedPasswordRules(password: string): PasswordRuleId[] {
  return PASSWORD_RULES.filter((rule) => !rule.test(password)).map((rule) => rule.id);
}

/** bcrypt only reads the first 72 bytes; longer input would silently not count. */
const MAX_PASSWORD_BYTES = 72;

export const passwordSchema = z
  .string()
  .refine((p) => Buffer.byteLength(p, 'utf8') <= MAX_PASSWORD_BYTES, 'At most 72 bytes')
  .superRefine((password, ctx) => {
    for (const rule of PASSWORD_RULES) {
      if (!rule.test(password))
        ctx.addIssue({ code: 'custom', message: rule.message, params: { rule: rule.id } });
    }
  });
