import { createHash } from 'node:crypto';
import { classifyConveyance } from '@patentrack/business-rules';
import type { Queryable } from '../db';
import { writeConveyances } from '../steps/conveyances';
import type { RecordedTransaction } from '../title-chains';

const nameKeyOf = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Inserts transactions (with their entities, parties, document rows and keyword classification, as
 * assignment ingestion leaves them) in a few set-based statements. Ingestion is the production path; this
 * writer exists so pipeline tests and the benchmark can lay down exact chains and large volumes quickly.
 */
export async function insertRecordedTransactions(
  db: Queryable,
  transactions: readonly RecordedTransaction[],
): Promise<void> {
  if (transactions.length === 0) return;
  const names = [
    ...new Set(
      transactions.flatMap((t) =>
        [...t.assignors, ...t.assignees].map((p) => p.name.replace(/\s+/g, ' ').trim()),
      ),
    ),
  ];
  await db.query(
    `insert into entities (name, name_key)
     select n, lower(n) from unnest($1::text[]) as n on conflict (name_key) do nothing`,
    [names],
  );
  const rows = (side: 'assignors' | 'assignees') =>
    transactions.flatMap((t) =>
      t[side].map((p, i) => ({
        rf_id: t.rfId,
        seq: i + 1,
        key: nameKeyOf(p.name),
        name: p.name,
        ...('execDate' in p ? { exec_dt: p.execDate ?? null } : {}),
        ...('country' in p ? { country: p.country ?? null } : {}),
      })),
    );
  await db.query(
    `insert into assignments (rf_id, reel_no, frame_no, convey_text, record_dt, cname, record_hash)
     select x.rf_id, split_part(x.rf_id, '-', 1)::int, split_part(x.rf_id, '-', 2)::int, x.convey_text, x.record_dt, x.cname, x.hash
       from jsonb_to_recordset($1::jsonb) as x(rf_id varchar, convey_text text, record_dt date, cname varchar, hash char(64))`,
    [
      JSON.stringify(
        transactions.map((t) => ({
          rf_id: t.rfId,
          convey_text: t.conveyText,
          record_dt: t.recordDate,
          cname: t.correspondent ?? null,
          hash: createHash('sha256').update(JSON.stringify(t)).digest('hex'),
        })),
      ),
    ],
  );
  await db.query(
    `insert into assignors (rf_id, seq, entity_id, or_name, exec_dt)
     select x.rf_id, x.seq, e.id, x.name, x.exec_dt
       from jsonb_to_recordset($1::jsonb) as x(rf_id varchar, seq smallint, key varchar, name varchar, exec_dt date)
       join entities e on e.name_key = x.key`,
    [JSON.stringify(rows('assignors'))],
  );
  await db.query(
    `insert into assignees (rf_id, seq, entity_id, ee_name, ee_country)
     select x.rf_id, x.seq, e.id, x.name, x.country
       from jsonb_to_recordset($1::jsonb) as x(rf_id varchar, seq smallint, key varchar, name varchar, country varchar)
       join entities e on e.name_key = x.key`,
    [JSON.stringify(rows('assignees'))],
  );
  await db.query(
    `insert into document_ids (rf_id, property_seq, appno_doc_num, appno_date, grant_doc_num)
     select x.rf_id, x.seq, x.appno, x.appno_date, x.grant_no
       from jsonb_to_recordset($1::jsonb) as x(rf_id varchar, seq smallint, appno varchar, appno_date date, grant_no varchar)`,
    [
      JSON.stringify(
        transactions.flatMap((t) =>
          t.documents.map((d, i) => ({
            rf_id: t.rfId,
            seq: i + 1,
            appno: d.appno,
            appno_date: d.appnoDate ?? null,
            grant_no: d.grant ?? null,
          })),
        ),
      ),
    ],
  );
  await writeConveyances(
    db,
    transactions.map((t) => classifyConveyance(t.rfId, t.conveyText)),
  );
}
