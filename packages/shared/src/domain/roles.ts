/** User roles inside the platform (data-model §3.2); super_admin spans every tenant. */
export const USER_ROLES = ['member', 'admin', 'super_admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** What a database session may see (data-model §7.2): a signed-in user, or a public share link. */
export const ACCESS_SCOPES = ['user', 'share:read'] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];
