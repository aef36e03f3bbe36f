import { and, eq, isNull } from 'drizzle-orm';
import type { UserRole } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { users } from '@patentrack/db/schema';

/** Current role and status of a user as stored (BR-048: never taken from client claims). */
export async function loadUserStatus(
  tx: Tx,
  userId: string,
): Promise<{ role: UserRole; status: string; email: string } | null> {
  const [row] = await tx
    .select({ role: users.role, status: users.status, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row ?? null;
}
