import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@patentrack/db';
import { customerConfigurations, users } from '@patentrack/db/schema';
import { loadOrganizationSummary, loadUser, recordAudit, splitName, type AuditInput } from './accounts';

export const updateMeSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    // BR-064: true, false, or null = follow the system preference.
    preferences: z.object({ darkMode: z.boolean().nullable() }).partial(),
  })
  .partial();
export type UpdateMeInput = z.output<typeof updateMeSchema>;

/** The caller and their organization, for layouts (product.md #13). */
export async function getMe(tx: Tx, principal: { userId: string; orgId: string }) {
  const user = await loadUser(tx, principal.userId);
  const organization = await loadOrganizationSummary(tx, principal.orgId);
  const [config] = await tx
    .select({ environmentMode: customerConfigurations.environmentMode })
    .from(customerConfigurations)
    .where(eq(customerConfigurations.organizationId, principal.orgId));
  return { user, organization: { ...organization, environmentMode: config?.environmentMode ?? 'PRO' } };
}

/** Own name and theme (product.md #14). */
export async function updateMe(
  tx: Tx,
  principal: { userId: string; orgId: string },
  input: UpdateMeInput,
  meta: Pick<AuditInput, 'ip' | 'userAgent' | 'requestId'>,
) {
  const current = await loadUser(tx, principal.userId);
  const patch: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) Object.assign(patch, splitName(input.name));
  if (input.preferences?.darkMode !== undefined) {
    const [row] = await tx
      .select({ preferences: users.preferences })
      .from(users)
      .where(eq(users.id, current.id));
    patch.preferences = { ...((row?.preferences ?? {}) as object), darkMode: input.preferences.darkMode };
  }
  if (Object.keys(patch).length) {
    await tx.update(users).set(patch).where(eq(users.id, current.id));
    await recordAudit(tx, principal.orgId, {
      action: 'user.profile_update',
      actorUserId: current.id,
      targetType: 'user',
      targetId: current.id,
      ...meta,
      metadata: { fields: Object.keys(input) },
    });
  }
  return getMe(tx, principal);
}
