import type { ConveyanceClassification } from '@patentrack/business-rules';
import type { Queryable } from '../db';

/** Version of the classification rules written to `assignment_conveyances.rules_version`. */
export const RULES_VERSION = 1;

const BATCH = 5_000;

/**
 * Upserts `assignment_conveyances` rows (global, tenant-independent) whose effective classification
 * differs from the stored one; identical rows are not rewritten, so re-runs are no-ops.
 */
export async function writeConveyances(
  db: Queryable,
  rows: readonly ConveyanceClassification[],
): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const result = await db.query(
      `insert into assignment_conveyances
         (rf_id, keyword_convey_ty, convey_ty, employer_assign, source, matched_keyword, matched_names, rules_version, classified_at)
       select x.rf_id, x.keyword_convey_ty, x.convey_ty, x.employer_assign, x.source::conveyance_source, x.matched_keyword,
              x.matched_names, $2, now()
         from jsonb_to_recordset($1::jsonb) as x(rf_id varchar, keyword_convey_ty varchar, convey_ty varchar,
              employer_assign boolean, source text, matched_keyword varchar, matched_names text[])
       on conflict (rf_id) do update
          set keyword_convey_ty = excluded.keyword_convey_ty, convey_ty = excluded.convey_ty,
              employer_assign = excluded.employer_assign, source = excluded.source,
              matched_keyword = excluded.matched_keyword, matched_names = excluded.matched_names,
              rules_version = excluded.rules_version, classified_at = excluded.classified_at
        where (assignment_conveyances.keyword_convey_ty, assignment_conveyances.convey_ty, assignment_conveyances.employer_assign,
               assignment_conveyances.source, assignment_conveyances.matched_keyword, assignment_conveyances.matched_names)
              is distinct from
              (excluded.keyword_convey_ty, excluded.convey_ty, excluded.employer_assign, excluded.source,
               excluded.matched_keyword, excluded.matched_names)`,
      [
        JSON.stringify(
          batch.map((row) => ({
            rf_id: row.rfId,
            keyword_convey_ty: row.keywordConveyType,
            convey_ty: row.conveyType,
            employer_assign: row.employerAssign,
            source: row.source,
            matched_keyword: row.matchedKeyword,
            matched_names: row.matchedNames,
          })),
        ),
        RULES_VERSION,
      ],
    );
    written += result.rowCount ?? 0;
  }
  return written;
}

/** Stored classification rows of the given transactions. */
export async function loadConveyances(
  db: Queryable,
  rfIds: readonly string[],
): Promise<Map<string, ConveyanceClassification>> {
  const { rows } = await db.query<{
    rf_id: string;
    keyword_convey_ty: string | null;
    convey_ty: string;
    employer_assign: boolean;
    source: ConveyanceClassification['source'];
    matched_keyword: string | null;
    matched_names: string[] | null;
  }>(
    `select rf_id, keyword_convey_ty, convey_ty, employer_assign, source, matched_keyword, matched_names
       from assignment_conveyances where rf_id in (select unnest($1::varchar[]))`,
    [rfIds],
  );
  return new Map(
    rows.map((r) => [
      r.rf_id,
      {
        rfId: r.rf_id,
        keywordConveyType: r.keyword_convey_ty as ConveyanceClassification['keywordConveyType'],
        conveyType: r.convey_ty as ConveyanceClassification['conveyType'],
        employerAssign: r.employer_assign,
        source: r.source,
        matchedKeyword: r.matched_keyword,
        matchedNames: r.matched_names,
      },
    ]),
  );
}
