import type { Redis } from 'ioredis';
import { z } from 'zod';
import { orgCacheKeyPrefix, type Logger } from '@patentrack/shared';
import { companyLogoKey } from '@patentrack/storage';
import { publishOrgEvent } from '../../live/events';
import { metrics } from '../../observability/metrics';
import { defineProcessor, type ProcessorContext } from '../types';
import { downloadLogo } from './logo-image';
import {
  ProviderAuthError,
  ProviderRateLimitError,
  type EnrichmentProvider,
  type ProviderMatch,
} from './providers';

export const enrichCompanyPayload = z.object({ organizationId: z.uuid(), companyId: z.uuid() });

/** Cross-tenant results live this long (ingestion.md §3.7): logos and domains rarely change. */
const ENRICHMENT_CACHE_SECONDS = 30 * 24 * 3600;
/** A provider that refused its credentials is not called again for this long. */
const BREAKER_SECONDS = 3600;

export const enrichmentCacheKeys = {
  domain: (nameKey: string) => `enrich:domain:${nameKey}`,
  logo: (domain: string) => `enrich:logo:${domain}`,
  breaker: (provider: string) => `enrich:breaker:${provider}`,
};

const cachedMatch = z.object({
  value: z.string(),
  data: z.record(z.string(), z.string()),
  provider: z.string(),
});
type Found = z.infer<typeof cachedMatch>;

type SkipReason = 'company_not_found' | 'provider_disabled' | 'circuit_open' | 'no_match';
type Lookup = { found: Found } | { skipped: SkipReason };

export type EnrichmentResult = {
  status: 'enriched' | 'skipped' | 'failed';
  reason?: SkipReason | 'not_an_image' | 'too_large' | 'provider_unavailable';
  domain: string | null;
  logoObjectKey: string | null;
};

/**
 * One provider step: the cross-tenant cache first, then the provider unless it is disabled or its breaker is
 * open. 401/403 opens the breaker for an hour and raises a critical alert; 429 is thrown for the queue's retry.
 */
async function lookup(
  redis: Redis,
  logger: Logger,
  provider: EnrichmentProvider | null,
  cacheKey: string,
  query: string,
): Promise<Lookup> {
  const hit = await redis.get(cacheKey);
  if (hit !== null) return { found: cachedMatch.parse(JSON.parse(hit)) };
  if (!provider) return { skipped: 'provider_disabled' };
  if (await redis.exists(enrichmentCacheKeys.breaker(provider.name))) return { skipped: 'circuit_open' };
  let match: ProviderMatch | null;
  try {
    match = await provider.lookup(query);
  } catch (error) {
    if (error instanceof ProviderAuthError) {
      await redis.set(enrichmentCacheKeys.breaker(provider.name), error.status, 'EX', BREAKER_SECONDS);
      logger.error(
        { alert: 'critical', provider: provider.name, status: error.status },
        'enrichment provider refused its credentials: not called for an hour',
      );
      return { skipped: 'circuit_open' };
    }
    if (error instanceof ProviderRateLimitError)
      logger.info({ provider: provider.name }, 'enrichment rate-limited: retried with back-off');
    throw error;
  }
  if (!match) return { skipped: 'no_match' };
  const found = { ...match, provider: provider.name };
  await redis.set(cacheKey, JSON.stringify(found), 'EX', ENRICHMENT_CACHE_SECONDS);
  return { found };
}

/** What the company row gets; every statement filters by organization_id, as the worker bypasses RLS. */
async function saveOutcome(
  context: ProcessorContext,
  ids: { organizationId: string; companyId: string },
  result: EnrichmentResult,
  data: Record<string, unknown>,
): Promise<EnrichmentResult> {
  await context.pool.query(
    `update companies
        set domain = coalesce(domain, $3), logo_object_key = coalesce($4, logo_object_key),
            enrichment_status = $5::enrichment_status, enrichment_data = $6,
            enriched_at = case when $5::enrichment_status = 'enriched' then now() else enriched_at end,
            updated_at = now()
      where organization_id = $1 and id = $2 and deleted_at is null`,
    [ids.organizationId, ids.companyId, result.domain, result.logoObjectKey, result.status, data],
  );
  await context.redis.del(`${orgCacheKeyPrefix(ids.organizationId)}detail`);
  metrics.enrichmentCompanies.inc({ status: result.status });
  return result;
}

/** The steps of one enrichment; what they throw (429, 5xx, timeouts) the queue retries with back-off. */
async function enrichCompany(
  ids: z.infer<typeof enrichCompanyPayload>,
  context: ProcessorContext,
): Promise<EnrichmentResult> {
  const { pool, redis, logger, enrichment, storage } = context;
  const { rows } = await pool.query<{
    name: string;
    name_key: string;
    domain: string | null;
    logo_object_key: string | null;
  }>(
    `select name, name_key, domain, logo_object_key from companies
        where organization_id = $1 and id = $2 and deleted_at is null`,
    [ids.organizationId, ids.companyId],
  );
  const company = rows[0];
  if (!company) return { status: 'skipped', reason: 'company_not_found', domain: null, logoObjectKey: null };

  const data: Record<string, unknown> = {};
  let domain = company.domain;
  // Where a step stops the job: the company keeps the domain found so far and records why.
  const stop = (status: 'skipped' | 'failed', reason: NonNullable<EnrichmentResult['reason']>) =>
    saveOutcome(context, ids, { status, reason, domain, logoObjectKey: null }, { ...data, reason });

  if (!domain) {
    const cacheKey = enrichmentCacheKeys.domain(company.name_key);
    const step = await lookup(redis, logger, enrichment.domain, cacheKey, company.name);
    if ('skipped' in step) return stop('skipped', step.skipped);
    domain = step.found.value;
    data.domain = { provider: step.found.provider, ...step.found.data };
  }

  const logo = await lookup(redis, logger, enrichment.logo, enrichmentCacheKeys.logo(domain), domain);
  if ('skipped' in logo) return stop('skipped', logo.skipped);
  const image = await downloadLogo(logo.found.provider, logo.found.value);
  if (!image.ok)
    return image.reason === 'not_found' ? stop('skipped', 'no_match') : stop('failed', image.reason);
  const key = companyLogoKey(ids.organizationId, ids.companyId, image.type);
  await storage.put(key, image.bytes);
  const saved = await saveOutcome(
    context,
    ids,
    { status: 'enriched', domain, logoObjectKey: key },
    {
      ...data,
      logo: {
        provider: logo.found.provider,
        ...logo.found.data,
        mediaType: image.type.mediaType,
        bytes: image.bytes.byteLength,
      },
    },
  );
  // A logo of another type has another key: the old file would be left behind.
  if (company.logo_object_key && company.logo_object_key !== key)
    await storage.delete(company.logo_object_key);
  return saved;
}

/**
 * `enrich:company { organizationId, companyId }` (ingestion.md §3.7): the domain by name when the company has
 * none, the logo by domain, downloaded and stored privately at `logos/{orgId}/{companyId}.{ext}`. The status is
 * `enriched` once a logo is stored; otherwise the reason of the step that stopped (a found domain is kept).
 */
export const enrichCompanyProcessor = defineProcessor({
  name: 'enrich:company',
  payload: enrichCompanyPayload,
  async handle(ids, job, context) {
    // The companies page shows "enriching…" until this event (product.md B2.15).
    const done = (status: 'success' | 'failed') =>
      publishOrgEvent(context.redis, ids.organizationId, {
        type: 'job-complete',
        data: { jobId: job.id!, kind: 'enrichment', status },
      });
    try {
      const result = await enrichCompany(ids, context);
      await done(result.status === 'failed' ? 'failed' : 'success');
      return result;
    } catch (error) {
      // The last attempt leaves a final status, so the company is not shown as being enriched for ever.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        const reason = 'provider_unavailable';
        const failed = { status: 'failed', reason, domain: null, logoObjectKey: null } as const;
        await saveOutcome(context, ids, failed, { reason });
        await done('failed');
      }
      throw error;
    }
  },
});
