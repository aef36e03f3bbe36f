import { z } from 'zod';
import { dataOf, text } from '../listing/schemas';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(['member', 'admin', 'super_admin']),
  status: z.enum(['pending', 'active', 'inactive', 'locked']),
  mfaEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export const usersSchema = z.object({ data: z.array(userSchema), total: z.number().int() });
export const inviteBody = z.object({
  email: z.email().max(320).toLowerCase(),
  name: text(200),
  role: z.enum(['member', 'admin']),
});
export const invitedSchema = dataOf(z.object({ userId: z.uuid(), invitationSent: z.boolean() }));
export const userParams = z.object({ orgId: z.uuid(), userId: z.uuid() });
export const updateUserBody = z
  .object({ role: z.enum(['member', 'admin']).optional(), status: z.enum(['active', 'inactive']).optional() })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to update');
export const userReplySchema = dataOf(userSchema);
