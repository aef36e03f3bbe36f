'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiData } from '@/lib/api';
import { ME_QUERY_KEY, type Me } from '@/lib/session';
import { applyTheme, preferenceFromTheme, themeFromPreference, type ThemeSetting } from '@/lib/theme';

const OPTIONS: { value: ThemeSetting; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Personal theme (BR-064): applied at once, saved on the user (#14) so other devices follow, and mirrored in
 * the theme cookie so the next server render has it. A failed save rolls back.
 */
/** The account's theme wins over a stale cookie on this device (e.g. changed on another device). */
export function useAccountTheme(me: Me | undefined): void {
  const darkMode = me?.user.preferences.darkMode;
  useEffect(() => {
    if (!me) return;
    const saved = themeFromPreference(darkMode);
    if (document.documentElement.dataset.theme !== saved) applyTheme(saved);
  }, [me, darkMode]);
}

export function ThemeSwitcher({ me, compact = false }: { me: Me; compact?: boolean }) {
  const queryClient = useQueryClient();
  const saved = themeFromPreference(me.user.preferences.darkMode);
  const [theme, setTheme] = useState<ThemeSetting>(saved);

  useEffect(() => setTheme(saved), [saved]);

  const save = useMutation({
    mutationFn: (next: ThemeSetting) =>
      apiData<Me>('/me', { method: 'PATCH', body: { preferences: { darkMode: preferenceFromTheme(next) } } }),
    onSuccess: (updated) => queryClient.setQueryData(ME_QUERY_KEY, updated),
    onError: () => {
      setTheme(saved);
      applyTheme(saved);
    },
  });

  return (
    <label className={compact ? 'flex items-center gap-2 text-sm' : 'flex flex-col gap-1 text-sm'}>
      <span className={compact ? 'sr-only' : 'label'}>Theme</span>
      <select
        data-testid="theme-select"
        className="input w-auto py-1"
        value={theme}
        disabled={save.isPending}
        onChange={(event) => {
          const next = event.target.value as ThemeSetting;
          setTheme(next);
          applyTheme(next);
          save.mutate(next);
        }}
      >
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
