/** Theme preference (BR-064): stored per user on the server, mirrored in a non-sensitive cookie for the first paint. */
export const THEME_COOKIE = 'theme';
export type ThemeSetting = 'light' | 'dark' | 'system';

export function themeFromCookie(value: string | undefined): ThemeSetting {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** `preferences.darkMode` of the me endpoint: true, false, or null = follow the system. */
export function themeFromPreference(darkMode: boolean | null | undefined): ThemeSetting {
  if (darkMode === true) return 'dark';
  if (darkMode === false) return 'light';
  return 'system';
}

export function preferenceFromTheme(theme: ThemeSetting): boolean | null {
  return theme === 'system' ? null : theme === 'dark';
}

/** Applies a theme to the open page and remembers it for the server's next render. */
export function applyTheme(theme: ThemeSetting): void {
  document.documentElement.dataset.theme = theme;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
