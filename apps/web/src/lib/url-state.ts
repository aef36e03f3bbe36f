'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * Page state kept in the URL (Part D "Deep links"): only known keys with valid values are read, defaults are
 * omitted when written, and each change is a history entry so back/forward walk through filter changes.
 */
export function useUrlState<K extends string>(
  defaults: Record<K, string>,
  allowed: Partial<Record<K, readonly string[]>> = {},
) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();

  const state = useMemo(() => {
    const values = { ...defaults };
    for (const key of Object.keys(defaults) as K[]) {
      const value = search.get(key);
      if (value === null) continue;
      const options = allowed[key];
      if (!options || options.includes(value)) values[key] = value;
    }
    return values;
    // Defaults and allowed values are fixed per page; only the URL changes the state.
  }, [search]);

  const update = useCallback(
    (patch: Partial<Record<K, string>>) => {
      const params = new URLSearchParams(search.toString());
      for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
        if (value === undefined || value === '' || value === defaults[key]) params.delete(key);
        else params.set(key, value);
      }
      const query = params.toString();
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [search, pathname, router],
  );

  return [state, update] as const;
}
