import type pg from 'pg';
import { inTransaction } from '@patentrack/db';
import type { FamilyMember } from './family-xml';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Found and not-found look-ups are both refreshed after 30 days (ingestion.md §3.6). */
export const REFRESH_AFTER_MS = 30 * DAY_MS;
/** Transient failures retry the look-up after 1 h, then 6 h, then every 24 h. */
const FAILURE_BACKOFF_MS = [HOUR_MS, 6 * HOUR_MS, 24 * HOUR_MS];

export interface LookupTarget {
  queryRef: string;
  patentId: string | null;
}

const UPSERT_LOOKUP = `
  insert into patent_family_lookups
    (query_ref, patent_id, outcome, family_ids, attempts, fetched_at, next_refresh_at, error_message)
  values ($1, $2, $3, $4, 0, $5, $6, null)
  on conflict (query_ref) do update set
    patent_id = coalesce(excluded.patent_id, patent_family_lookups.patent_id),
    outcome = excluded.outcome, family_ids = excluded.family_ids, attempts = 0,
    fetched_at = excluded.fetched_at, next_refresh_at = excluded.next_refresh_at, error_message = null`;

/**
 * Stores a found family: each family row upserted and its member set replaced (OPS data change between
 * fetches, so a merge would keep members OPS no longer lists), then the look-up. Re-storing the same response
 * leaves the same rows.
 */
export async function storeFoundFamily(
  pool: pg.Pool,
  target: LookupTarget,
  families: Map<string, FamilyMember[]>,
  now: Date,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    for (const [familyId, members] of families) {
      await client.query(
        `insert into patent_families (family_id, member_count, fetched_at)
         values ($1, $2, $3)
         on conflict (family_id) do update set
           member_count = excluded.member_count, fetched_at = excluded.fetched_at,
           updated_at = case when patent_families.member_count = excluded.member_count
                             then patent_families.updated_at else now() end`,
        [familyId, members.length, now],
      );
      await client.query(`delete from patent_family_members where family_id = $1`, [familyId]);
      const column = <K extends keyof FamilyMember>(key: K) => members.map((m) => m[key]);
      await client.query(
        `insert into patent_family_members
           (family_id, country, doc_number, canonical_doc_num, kind_code, publication_date,
            appl_country, appl_doc_number, appl_kind, appl_date)
         select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[],
                                  $7::text[], $8::text[], $9::text[], $10::date[])`,
        [
          familyId,
          column('country'),
          column('docNumber'),
          column('canonicalDocNum'),
          column('kindCode'),
          column('publicationDate'),
          column('applCountry'),
          column('applDocNumber'),
          column('applKind'),
          column('applDate'),
        ],
      );
    }
    await client.query(UPSERT_LOOKUP, [
      target.queryRef,
      target.patentId,
      'found',
      [...families.keys()],
      now,
      new Date(now.getTime() + REFRESH_AFTER_MS),
    ]);
  });
}

/** OPS knows no such document: not an error, asked again in 30 days. */
export async function storeNotFound(pool: pg.Pool, target: LookupTarget, now: Date): Promise<void> {
  await pool.query(UPSERT_LOOKUP, [
    target.queryRef,
    target.patentId,
    'not_found',
    [],
    now,
    new Date(now.getTime() + REFRESH_AFTER_MS),
  ]);
}

/**
 * A transient failure of one look-up: counted, and the next try pushed back 1 h → 6 h → 24 h. A family found
 * earlier keeps its outcome and ids, so the asset still shows it; a first look-up is recorded as `error`.
 */
export async function storeLookupFailure(
  pool: pg.Pool,
  target: LookupTarget,
  message: string,
  now: Date,
): Promise<void> {
  await pool.query(
    `insert into patent_family_lookups
       (query_ref, patent_id, outcome, attempts, fetched_at, next_refresh_at, error_message)
     values ($1, $2, 'error', 1, $3, $3::timestamptz + make_interval(secs => $4::float8 / 1000), $5)
     on conflict (query_ref) do update set
       attempts = least(patent_family_lookups.attempts + 1, 32000),
       next_refresh_at = $3::timestamptz + make_interval(secs => (($6::float8[])[
         least(patent_family_lookups.attempts + 1, array_length($6::float8[], 1))]) / 1000),
       error_message = excluded.error_message`,
    [
      target.queryRef,
      target.patentId,
      now,
      FAILURE_BACKOFF_MS[0],
      message.slice(0, 2000),
      FAILURE_BACKOFF_MS,
    ],
  );
}
