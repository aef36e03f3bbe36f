import type { UserRole } from '@patentrack/shared';

/**
 * How far a role's grant reaches: `any` = every org (super admin), `org` = the caller's org,
 * `own` = only objects the caller created, `read` = view only.
 */
export type Grant = 'any' | 'org' | 'own' | 'read';

type Row = Partial<Record<UserRole, Grant>>;
const SUPER_ONLY: Row = { super_admin: 'any' };
const ADMINS: Row = { super_admin: 'any', admin: 'org' };
const EVERYONE: Row = { super_admin: 'any', admin: 'org', member: 'org' };

/**
 * The permission matrix of product.md Part A as data; the share viewer has no role and is governed by the
 * link's own flags (see `share-context`). An absent role is denied.
 */
export const PERMISSION_MATRIX = {
  'profile.manage': EVERYONE,
  'dashboard.read': EVERYONE,
  'assets.read': EVERYONE,
  'diagram.read': EVERYONE,
  'documents.read': EVERYONE,
  'exports.create': EVERYONE,
  'shares.create': EVERYONE,
  'shares.manage': { super_admin: 'any', admin: 'org', member: 'own' },
  'org.update': ADMINS,
  'org.environmentMode': SUPER_ONLY,
  'users.manage': ADMINS,
  'companies.manage': ADMINS,
  'assets.validate': ADMINS,
  'entities.read': EVERYONE,
  'entities.manage': ADMINS,
  'integrations.manage': ADMINS,
  'integrations.use': EVERYONE,
  'orgs.onboard': SUPER_ONLY,
  'pipeline.rebuild': SUPER_ONLY,
  'platform.operate': SUPER_ONLY,
  'events.stream': EVERYONE,
} as const satisfies Record<string, Row>;

export type Permission = keyof typeof PERMISSION_MATRIX;
export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];

/** The grant `role` holds for `permission`, or null when denied. */
export function grantFor(role: UserRole, permission: Permission): Grant | null {
  const row: Row = PERMISSION_MATRIX[permission];
  return row[role] ?? null;
}

/** Only a super admin may grant super admin (product.md Part A, BR-049). */
export function canAssignRole(actor: UserRole, target: UserRole): boolean {
  if (target === 'super_admin') return actor === 'super_admin';
  return grantFor(actor, 'users.manage') !== null;
}
