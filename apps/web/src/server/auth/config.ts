/** Lifetimes and cookie names of the session model (BR-050, BR-065, architecture §3.4). */
export const ACCESS_TOKEN_TTL_S = 15 * 60;
export const REFRESH_TOKEN_TTL_S = 7 * 24 * 60 * 60;
export const MFA_CHALLENGE_TTL_S = 5 * 60;
/** Accepted clock difference between the issuing and the verifying server (BR-050). */
export const CLOCK_SKEW_S = 30;
export const BCRYPT_COST = 12;
export const EMAIL_CODE_TTL_S = 60 * 60;
export const RESET_TOKEN_TTL_S = 60 * 60;
export const INVITE_TOKEN_TTL_S = 7 * 24 * 60 * 60;
export const EMAIL_CODE_MAX_ATTEMPTS = 5;

export const COOKIE = {
  access: 'access_token',
  refresh: 'refresh_token',
  csrf: 'csrf_token',
  share: 'share_token',
} as const;

/** The refresh cookie is sent to this one route only, so no other handler ever sees it. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth/refresh';
export const SHARE_COOKIE_PATH = '/api/v1/shared';
export const CSRF_HEADER = 'x-csrf-token';

export const SHARE_DEFAULT_EXPIRY = '30d';
export const SHARE_MAX_ASSETS = 100;
/** Share tokens live at most this long even when the link itself never expires. */
export const SHARE_TOKEN_MAX_TTL_S = 24 * 60 * 60;
