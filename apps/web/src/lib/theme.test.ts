import { describe, expect, it } from 'vitest';
import { preferenceFromTheme, themeFromCookie, themeFromPreference } from './theme';

describe('theme preference (BR-064)', () => {
  it('maps the stored darkMode to a theme and back', () => {
    for (const darkMode of [true, false, null])
      expect(preferenceFromTheme(themeFromPreference(darkMode))).toBe(darkMode);
  });

  it('an unknown or missing cookie means the system setting', () => {
    expect(themeFromCookie(undefined)).toBe('system');
    expect(themeFromCookie('purple')).toBe('system');
    expect(themeFromCookie('dark')).toBe('dark');
  });
});
