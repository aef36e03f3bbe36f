import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { maintenanceStatusOf } from '@patentrack/db/queries';
import { maintenanceFeeEffect } from '@patentrack/db/schema';
import type { BatchCounts } from '../common/ingestion-job';
import { maintenanceEventKey, type MaintenanceFeeEvent } from './mapping';

/**
 * Keeps the last event per key in file order (ingestion.md §2.7): PostgreSQL rejects an `ON CONFLICT DO UPDATE`
 * that touches one row twice, so a batch must not repeat a key.
 */
export function lastWinsByEventKey(records: MaintenanceFeeEvent[]): {
  records: MaintenanceFeeEvent[];
  superseded: MaintenanceFeeEvent[];
} {
  const last = new Map<string, MaintenanceFeeEvent>();
  for (const record of records) last.set(maintenanceEventKey(record), record);
  if (last.size === records.length) return { records, superseded: [] };
  const kept = new Set(last.values());
  return {
    records: records.filter((record) => kept.has(record)),
    superseded: records.filter((record) => !kept.has(record)),
  };
}

/** A value of COPY's text format: `\N` for NULL; backslash, tab and line breaks escaped. */
function copyValue(value: string | null): string {
  return value === null
    ? '\\N'
    : value.replace(/[\\\t\n\r]/g, (c) => `\\${{ '\t': 't', '\n': 'n', '\r': 'r' }[c] ?? c}`);
}

function* copyRows(records: MaintenanceFeeEvent[]): Generator<string> {
  for (const r of records) {
    const values = [
      r.grantDocNum,
      r.eventDate,
      r.eventCode,
      r.appnoDocNum,
      r.entityStatus,
      r.filingDate,
      r.grantDate,
    ];
    yield `${values.map(copyValue).join('\t')}\n`;
  }
}

// Typed like the target, so a value too long fails in COPY as a record-level error the job bisects to its line.
const CREATE_STAGE = `
  CREATE TEMP TABLE maintenance_fee_stage (
    grant_doc_num varchar(12), event_date date, event_code varchar(8), appno_doc_num varchar(12),
    entity_status char(1), filing_date date, grant_date date) ON COMMIT DROP`;

// An event's columns other than its key can change between snapshots; only a real difference updates the row.
const MERGE = `
  INSERT INTO maintenance_fee_events AS m (grant_doc_num, event_date, event_code, appno_doc_num, entity_status,
                                          filing_date, grant_date, source_job_id)
  SELECT grant_doc_num, event_date, event_code, appno_doc_num, entity_status, filing_date, grant_date, $1::uuid
    FROM maintenance_fee_stage
  ON CONFLICT (grant_doc_num, event_date, event_code) DO UPDATE
    SET appno_doc_num = EXCLUDED.appno_doc_num, entity_status = EXCLUDED.entity_status,
        filing_date = EXCLUDED.filing_date, grant_date = EXCLUDED.grant_date, source_job_id = EXCLUDED.source_job_id
    WHERE (m.appno_doc_num, m.entity_status, m.filing_date, m.grant_date)
          IS DISTINCT FROM (EXCLUDED.appno_doc_num, EXCLUDED.entity_status, EXCLUDED.filing_date, EXCLUDED.grant_date)
  RETURNING m.grant_doc_num, (xmax = 0) AS inserted`;

/** Description given to a code first seen in the events file; the description file replaces it. */
export const UNKNOWN_CODE_DESCRIPTION = 'Unknown event code (not in the USPTO description file)';

/**
 * Set-based write of one batch of events (ingestion.md §3.5) inside the caller's transaction: `COPY` into a
 * temporary stage, then one merge whose `RETURNING` gives exact inserted / updated counts (the rest is
 * unchanged). Codes missing from the lookup are added with `effect='other'` first (the FK needs them). Grants with
 * new events get their `maintenance_status` recomputed and an `ingestion_changes` key for the fan-out (§2.10).
 */
export async function writeMaintenanceBatch(
  client: pg.PoolClient,
  records: MaintenanceFeeEvent[],
  jobId: string,
): Promise<BatchCounts> {
  await client.query(CREATE_STAGE);
  await pipeline(
    Readable.from(copyRows(records)),
    client.query(copyFrom('COPY maintenance_fee_stage FROM STDIN')),
  );
  await client.query(
    `INSERT INTO maintenance_fee_event_codes (event_code, description)
     SELECT DISTINCT event_code, $1 FROM maintenance_fee_stage ORDER BY 1 ON CONFLICT (event_code) DO NOTHING`,
    [UNKNOWN_CODE_DESCRIPTION],
  );
  const { rows } = await client.query<{ grant_doc_num: string; inserted: boolean }>(MERGE, [jobId]);
  const grantsWithNewEvents = [
    ...new Set(rows.filter((row) => row.inserted).map((row) => row.grant_doc_num)),
  ];
  if (grantsWithNewEvents.length > 0) {
    await recomputeMaintenanceStatus(client, grantsWithNewEvents);
    await client.query(
      `INSERT INTO ingestion_changes (ingestion_job_id, key_type, key)
       SELECT $1, 'grant', k FROM unnest($2::varchar[]) AS k ON CONFLICT DO NOTHING`,
      [jobId, grantsWithNewEvents],
    );
  }
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: records.length - rows.length, skipped: 0 };
}

/**
 * Effect → patent status, taken from the chip mapping the API shows (`maintenanceStatusOf`) so the two never
 * disagree. Effects without a status (`entity_status`, `refund`, `other`) do not decide it. On one date the
 * earlier status in this list wins (a payment recorded with its reminder means paid).
 */
const STATUS_PRECEDENCE = ['paid', 'expired', 'surcharge', 'due'] as const;
const STATUS_BY_EFFECT = maintenanceFeeEffect.enumValues.flatMap((effect) => {
  const status = maintenanceStatusOf(effect);
  const rank = STATUS_PRECEDENCE.indexOf(status as (typeof STATUS_PRECEDENCE)[number]);
  return rank < 0 ? [] : [{ effect, status, rank }];
});

/** `patents.maintenance_status` from the latest event whose effect carries a status (data-model §1.9). */
export async function recomputeMaintenanceStatus(
  client: pg.PoolClient,
  grantDocNums: string[],
): Promise<void> {
  await client.query(
    `WITH effect AS (SELECT * FROM unnest($2::maintenance_fee_effect[], $3::maintenance_status[], $4::int[])
                                 AS e(effect, status, rank)),
     latest AS (
       SELECT DISTINCT ON (m.grant_doc_num) m.grant_doc_num, e.status
         FROM maintenance_fee_events m
         JOIN maintenance_fee_event_codes c ON c.event_code = m.event_code
         JOIN effect e ON e.effect = c.effect
        WHERE m.grant_doc_num = ANY($1::varchar[])
        ORDER BY m.grant_doc_num, m.event_date DESC, e.rank)
     UPDATE patents p SET maintenance_status = latest.status, updated_at = now()
       FROM latest
      WHERE p.grant_doc_num = latest.grant_doc_num AND p.maintenance_status IS DISTINCT FROM latest.status`,
    [
      grantDocNums,
      STATUS_BY_EFFECT.map((s) => s.effect),
      STATUS_BY_EFFECT.map((s) => s.status),
      STATUS_BY_EFFECT.map((s) => s.rank),
    ],
  );
}

/**
 * Upserts the descriptions of the `MaintFeeEventsDesc_*.txt` code list; never touches the hand-curated `effect`.
 * Returns how many codes it added or changed.
 */
export async function upsertEventCodeDescriptions(
  client: pg.PoolClient,
  descriptions: ReadonlyMap<string, string>,
): Promise<number> {
  if (descriptions.size === 0) return 0;
  const { rowCount } = await client.query(
    `INSERT INTO maintenance_fee_event_codes AS c (event_code, description)
     SELECT * FROM unnest($1::varchar[], $2::text[]) ORDER BY 1
     ON CONFLICT (event_code) DO UPDATE SET description = EXCLUDED.description, updated_at = now()
       WHERE c.description IS DISTINCT FROM EXCLUDED.description`,
    [[...descriptions.keys()], [...descriptions.values()]],
  );
  return rowCount ?? 0;
}

/** The codes already in the lookup; a code outside it is reported once as a warning (§3.5). */
export async function knownEventCodes(db: pg.PoolClient): Promise<Set<string>> {
  const { rows } = await db.query<{ event_code: string }>(
    `SELECT event_code FROM maintenance_fee_event_codes`,
  );
  return new Set(rows.map((row) => row.event_code));
}
