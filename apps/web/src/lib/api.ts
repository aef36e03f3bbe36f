/**
 * Browser client of the REST API (product.md Part C): same-origin cookies carry the session, writes send the
 * double-submit CSRF header, and a 401 triggers one silent token refresh before the request is retried.
 */

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'csrf_token';
const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId: string | null = null,
    /** Seconds from `Retry-After` on a 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details.fieldErrors` of a VALIDATION_ERROR, field name → first message. */
  get fieldErrors(): Record<string, string> {
    const raw = this.details.fieldErrors;
    if (!raw || typeof raw !== 'object') return {};
    return Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).map(([field, messages]) => [
        field,
        Array.isArray(messages) ? String(messages[0]) : String(messages),
      ]),
    );
  }
}

/** `Page<T>` of the list endpoints. */
export interface Page<T> {
  data: T[];
  cursor: { next: string | null; hasMore: boolean };
  total: number;
  totalIsApproximate?: boolean;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** A query string without empty values, so defaults stay out of URLs and cache keys. */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, however many requests saw the 401 together. */
function refreshSession(): Promise<boolean> {
  refreshing ??= fetch(`${API_BASE}/auth/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfHeaders(),
  })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function csrfHeaders(): Record<string, string> {
  const token = readCookie(CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('X-Request-ID');
  const retryAfterHeader = response.headers.get('Retry-After');
  const retryAfter = retryAfterHeader && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  let body: { error?: ApiErrorBody } = {};
  try {
    body = (await response.json()) as { error?: ApiErrorBody };
  } catch {
    // A proxy or crash page without the JSON envelope: keep the status.
  }
  const error = body.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText ?? 'Request failed',
    error?.details ?? {},
    error?.requestId ?? requestId,
    retryAfter ?? (typeof error?.details?.retryAfter === 'number' ? error.details.retryAfter : null),
  );
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Auth endpoints answer 401 for bad credentials; those must not trigger a refresh. */
  refreshOn401?: boolean;
}

/** Calls `/api/v1{path}` and returns the parsed JSON body; throws `ApiError` with the envelope otherwise. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const url = `${API_BASE}${path}${toQueryString(options.query)}`;
  const send = () =>
    fetch(url, {
      method,
      credentials: 'same-origin',
      signal: options.signal,
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(SAFE_METHODS.has(method) ? {} : csrfHeaders()),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  let response = await send();
  if (response.status === 401 && options.refreshOn401 !== false && (await refreshSession()))
    response = await send();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `{data}` envelopes unwrapped. */
export async function apiData<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  return (await apiRequest<{ data: T }>(path, options)).data;
}

/** Where a signed-out user goes, keeping the page they asked for (with its filters) for after the login. */
export function loginUrl(returnTo: string): string {
  return `/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Only same-site paths are followed after a login (no open redirect). */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
