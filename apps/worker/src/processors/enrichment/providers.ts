import { z } from 'zod';
import type { WorkerEnv } from '@patentrack/shared';

/** What a provider found: the value the next step uses, and the whitelisted fields kept in `enrichment_data`. */
export interface ProviderMatch {
  value: string;
  data: Record<string, string>;
}

/**
 * One enrichment provider (ingestion.md §3.7) behind the adapter interface: a `domain` provider maps a company
 * name to its web domain, a `logo` provider a domain to the address of its logo image. null: no match.
 */
export interface EnrichmentProvider {
  name: string;
  kind: 'domain' | 'logo';
  lookup(query: string): Promise<ProviderMatch | null>;
}

/** The configured providers; null where the key is unset, which disables that step (`skipped`, not `failed`). */
export interface EnrichmentProviders {
  domain: EnrichmentProvider | null;
  logo: EnrichmentProvider | null;
}

/** 401/403: the provider refuses our credentials, so every further call would fail too (circuit breaker). */
export class ProviderAuthError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number,
  ) {
    super(`${provider} refused the credentials (HTTP ${status})`);
    this.name = 'ProviderAuthError';
  }
}

/** 429: thrown out of the job so the queue's back-off retries it later. */
export class ProviderRateLimitError extends Error {
  constructor(readonly provider: string) {
    super(`${provider} rate-limited the request (HTTP 429)`);
    this.name = 'ProviderRateLimitError';
  }
}

/** A provider or image host that does not answer within this is retried by the queue. */
export const PROVIDER_TIMEOUT_MS = 15_000;

/**
 * GET `url` from `provider`: null for a 404, the response otherwise. 401/403 and 429 raise their errors; any
 * other failure raises a plain error that the queue retries. Messages never carry the URL, which may hold a key.
 */
export async function providerGet(
  provider: string,
  url: URL,
  headers: Record<string, string> = {},
): Promise<Response | null> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  if (response.ok) return response;
  await response.body?.cancel();
  if (response.status === 404) return null;
  if (response.status === 401 || response.status === 403)
    throw new ProviderAuthError(provider, response.status);
  if (response.status === 429) throw new ProviderRateLimitError(provider);
  throw new Error(`${provider} answered HTTP ${response.status}`);
}

async function getJson<T>(
  provider: string,
  url: URL,
  schema: z.ZodType<T>,
  headers?: Record<string, string>,
): Promise<T | null> {
  const response = await providerGet(provider, url, headers);
  if (!response) return null;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${provider} answered an unexpected body: ${parsed.error.message}`);
  return parsed.data;
}

/** `path` below a base URL that may itself carry a path (tests mount providers under a prefix). */
const endpoint = (baseUrl: string, path: string) => new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);

/** A host name as providers return it; anything else is treated as no match. */
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,255}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/);

/** Clearbit Name to Domain: `GET /v1/domains/find?name=` with the key as bearer token; 404 when unknown. */
export function clearbitDomainProvider(baseUrl: string, apiKey: string): EnrichmentProvider {
  const body = z.object({ domain: domainName.nullish().catch(null), name: z.string().nullish() });
  return {
    name: 'clearbit',
    kind: 'domain',
    async lookup(name) {
      const url = endpoint(baseUrl, '/v1/domains/find');
      url.searchParams.set('name', name);
      const found = await getJson('clearbit', url, body, { authorization: `Bearer ${apiKey}` });
      if (!found?.domain) return null;
      const data: Record<string, string> = found.name ? { name: found.name } : {};
      return { value: found.domain, data };
    },
  };
}

/** RiteKit company logo: `GET /v1/images/logo?domain=&client_id=`, answering the logo's address (no fallback). */
export function riteKitLogoProvider(baseUrl: string, clientId: string): EnrichmentProvider {
  // Only web addresses: the worker downloads what this names.
  const logoUrl = z
    .url({ protocol: /^https?$/ })
    .nullish()
    .catch(null);
  const body = z.object({ url: logoUrl, permanentUrl: logoUrl });
  return {
    name: 'ritekit',
    kind: 'logo',
    async lookup(domain) {
      const url = endpoint(baseUrl, '/v1/images/logo');
      url.search = new URLSearchParams({ domain, client_id: clientId, generateFallbackLogo: '0' }).toString();
      const found = await getJson('ritekit', url, body);
      const address = found?.permanentUrl ?? found?.url;
      return address ? { value: address, data: { url: address } } : null;
    },
  };
}

/** The providers of a worker process; a missing (or empty) key disables its provider. */
export function enrichmentProvidersFromEnv(env: WorkerEnv): EnrichmentProviders {
  return {
    domain: env.CLEARBIT_API_KEY ? clearbitDomainProvider(env.CLEARBIT_BASE_URL, env.CLEARBIT_API_KEY) : null,
    logo: env.RITEKIT_CLIENT_ID ? riteKitLogoProvider(env.RITEKIT_BASE_URL, env.RITEKIT_CLIENT_ID) : null,
  };
}
