import type pg from 'pg';
import type { Logger } from '@patentrack/shared';
import { IngestionError } from '../common/errors';
import { OpsQuotaError, type OpsClient } from './ops-client';
import { familyQueryFor } from './references';
import { storeFoundFamily, storeLookupFailure, storeNotFound } from './store';
import type { ThrottleColour } from './throttling';

/** Share of `EPO_WEEKLY_QUOTA_BYTES` at which the sweep stops enqueuing (ingestion.md §3.6). */
export const SWEEP_QUOTA_SHARE = 0.8;

/**
 * Assets whose patent is due for a family look-up: no look-up yet, or one whose `next_refresh_at` has passed.
 * One asset per patent (tenants share public data), oldest look-ups first, at most `limit`; with
 * `organizationId`, only that organization's assets (those a pipeline run just added, say).
 */
export async function selectDueAssets(
  pool: pg.Pool,
  limit: number,
  now: Date,
  organizationId?: string,
): Promise<string[]> {
  const { rows } = await pool.query<{ asset_id: string }>(
    `select due.asset_id
       from (select distinct on (a.patent_id) a.patent_id, a.id as asset_id
               from assets a
               join patents p on p.id = a.patent_id
              where a.deleted_at is null
                and (p.grant_doc_num is not null or p.pgpub_doc_num is not null)
                and ($3::uuid is null or a.organization_id = $3)
              order by a.patent_id, a.created_at, a.id) due
       left join lateral (
         select max(l.next_refresh_at) as next_refresh_at
           from patent_family_lookups l where l.patent_id = due.patent_id) l on true
      where l.next_refresh_at is null or l.next_refresh_at < $1
      order by l.next_refresh_at nulls first, due.patent_id
      limit $2`,
    [now, limit, organizationId ?? null],
  );
  return rows.map((r) => r.asset_id);
}

export interface RefreshOptions {
  pool: pg.Pool;
  client: OpsClient;
  assetIds: readonly string[];
  /** Look-ups stored since this instant are not repeated: a retried or duplicate job skips what is done. */
  doneSince: Date;
  now?: () => Date;
  logger?: Logger;
}

export interface RefreshResult {
  found: number;
  notFound: number;
  failed: number;
  skipped: number;
  /** The last traffic light OPS showed for the family service (`epo_throttle_state`). */
  throttle?: ThrottleColour;
  /** Set when OPS turned red or black: the rest of the assets were left for the caller to retry later. */
  stoppedBy?: Extract<ThrottleColour, 'red' | 'black'>;
}

/** Error classes that concern OPS as a whole, not one document: the job stops and the queue layer decides. */
const stopsTheJob = (error: unknown) =>
  error instanceof OpsQuotaError || (error instanceof IngestionError && error.errorClass === 'auth');

/**
 * Looks up the families of the assets' patents one by one and stores them (ingestion.md §3.6). A failure of one
 * look-up is recorded on it (back-off 1 h → 6 h → 24 h) and the next one goes on; quota and credential
 * failures are thrown, since every further request would fail the same way.
 */
export async function refreshFamilies(options: RefreshOptions): Promise<RefreshResult> {
  const { pool, client, logger } = options;
  const now = options.now ?? (() => new Date());
  const { rows } = await pool.query<{
    patent_id: string;
    grant_doc_num: string | null;
    grant_kind: string | null;
    pgpub_doc_num: string | null;
    done: boolean;
  }>(
    `select distinct p.id as patent_id, p.grant_doc_num, p.grant_kind, p.pgpub_doc_num,
            exists (select 1 from patent_family_lookups l
                     where l.patent_id = p.id and l.outcome <> 'error' and l.fetched_at >= $2) as done
       from assets a join patents p on p.id = a.patent_id
      where a.id = any($1::uuid[])`,
    [options.assetIds, options.doneSince],
  );
  const result: RefreshResult = { found: 0, notFound: 0, failed: 0, skipped: 0 };
  for (const row of rows) {
    const query = familyQueryFor({
      grantDocNum: row.grant_doc_num,
      grantKind: row.grant_kind,
      pgpubDocNum: row.pgpub_doc_num,
    });
    if (!query || row.done) {
      result.skipped += 1;
      continue;
    }
    const target = { queryRef: query.queryRef, patentId: row.patent_id };
    try {
      const { lookup, throttle } = await client.family(query);
      result.throttle = throttle ?? result.throttle;
      if (lookup.outcome === 'found') {
        await storeFoundFamily(pool, target, lookup.families, now());
        result.found += 1;
      } else {
        await storeNotFound(pool, target, now());
        result.notFound += 1;
      }
      if (throttle === 'red' || throttle === 'black') return { ...result, stoppedBy: throttle };
    } catch (error) {
      if (stopsTheJob(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      logger?.warn({ queryRef: query.queryRef, err: error }, 'EPO family look-up failed');
      await storeLookupFailure(pool, target, message, now());
      result.failed += 1;
    }
  }
  return result;
}
