import type { Queryable } from './db';
import { loadRun, type RunRef } from './runs';

/**
 * The transactions an incremental run has to (re)classify and flag: of the organization scope, those its
 * ingestion jobs wrote (`source_job_id`), those whose patent record they wrote (new inventors can flag a
 * transaction, BR-023), and any not classified yet. Null means "all of them": a rebuild, a manual run, or a
 * run without source jobs. Everything else is unchanged since the run that last saw it.
 */
export async function changedTransactionIds(
  db: Queryable,
  run: RunRef,
  scopeRfIds: readonly string[],
): Promise<string[] | null> {
  const current = await loadRun(db, run);
  if (!current || current.jobType !== 'incremental' || current.sourceIngestionJobIds.length === 0)
    return null;
  const { rows } = await db.query<{ rf_id: string }>(
    `with scope as (select unnest($1::varchar[]) as rf_id),
          jobs as (select unnest($2::uuid[]) as id)
     select s.rf_id from scope s join assignments a on a.rf_id = s.rf_id where a.source_job_id in (select id from jobs)
     union
     select s.rf_id from scope s where not exists (select 1 from assignment_conveyances c where c.rf_id = s.rf_id)
     union
     select d.rf_id from scope s join document_ids d on d.rf_id = s.rf_id
       join patents p on p.appno_doc_num = d.appno_doc_num where p.source_job_id in (select id from jobs)
     union
     select d.rf_id from scope s join document_ids d on d.rf_id = s.rf_id
       join patents p on p.grant_doc_num = d.grant_doc_num where p.source_job_id in (select id from jobs)`,
    [scopeRfIds, current.sourceIngestionJobIds],
  );
  return rows.map((r) => r.rf_id).sort();
}
