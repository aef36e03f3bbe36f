'use client';

import { useInfiniteQuery, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { apiRequest, type Page, type QueryValue } from './api';

/**
 * Query keys are the API path plus its query object, so one invalidation of a path prefix (e.g. after
 * `pipeline-complete`) refreshes every view of it.
 */
export const apiKey = (path: string, query: Record<string, QueryValue> = {}) => [path, query] as const;

/** A `{data}` endpoint. */
export function useApiData<T>(
  path: string | null,
  query: Record<string, QueryValue> = {},
  options: Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<T>({
    queryKey: apiKey(path ?? '', query),
    queryFn: async ({ signal }) => (await apiRequest<{ data: T }>(path!, { query, signal })).data,
    enabled: path !== null && (options.enabled ?? true),
    ...options,
  });
}

/** A whole response body (lists that carry more than `data`, e.g. citations' totals). */
export function useApiBody<T>(path: string | null, query: Record<string, QueryValue> = {}) {
  return useQuery<T>({
    queryKey: [...apiKey(path ?? '', query), 'body'],
    queryFn: ({ signal }) => apiRequest<T>(path!, { query, signal }),
    enabled: path !== null,
  });
}

/** A `Page<T>` list walked with "Load more" (cursor paging; old rows stay while the next page loads). */
export function useApiPages<T>(path: string | null, query: Record<string, QueryValue> = {}) {
  return useInfiniteQuery({
    queryKey: [...apiKey(path ?? '', query), 'pages'],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<T>>(path!, { query: { ...query, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.cursor.hasMore ? last.cursor.next : undefined),
    enabled: path !== null,
  });
}
