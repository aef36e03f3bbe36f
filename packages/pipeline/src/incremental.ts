import type { Queryable } from './db';
import type { OrgInputs } from './inputs';
import { loadRun, type RunRef } from './runs';
import type { OrgScope } from './scope';

/** What an incremental run recomputes, from the rows its ingestion jobs wrote. */
export interface IncrementalChanges {
  /** Transactions of the organization scope to (re)classify and flag, ascending. */
  rfIds: string[];
  /**
   * Application and grant numbers whose asset membership may have changed: those of the changed transactions'
   * documents and of the patent records the jobs wrote. Membership of any other number is unchanged.
   */
  appnos: string[];
  grants: string[];
  /** The organization's latest finished run, which succeeded: the changes apply on top of its result. */
  sinceRunId: string;
}

/**
 * The changes an incremental run has to apply, found from the rows its ingestion jobs wrote (`source_job_id`,
 * indexed) — never from the whole scope, so the cost follows the size of the change, not of the portfolio.
 * Candidates are the transactions the jobs wrote and those naming a patent whose record they wrote (new inventors can flag a
 * transaction, BR-023); numbers a re-recorded transaction stopped naming (`superseded_documents`) are reconsidered
 * like those of changed patents. A candidate is kept when it belongs to the organization scope (§5.1): one of its
 * documents names an asset of a company (`T(a)`: by application number, or by grant number for an asset
 * without one), or a company entity is a party — or when the earlier runs had it in the scope (it may have left).
 * Null means "everything": a rebuild, a manual run, a run
 * without source jobs, or one with no successful run before it.
 */
export async function incrementalChanges(
  db: Queryable,
  run: RunRef,
  scope: OrgScope,
): Promise<IncrementalChanges | null> {
  const current = await loadRun(db, run);
  if (!current || current.jobType !== 'incremental' || current.sourceIngestionJobIds.length === 0)
    return null;
  // Applying only the jobs' changes is right only on top of a complete earlier result: the organization's
  // latest finished run must have succeeded (a first run, or one after a failure, recomputes everything).
  const { rows: previous } = await db.query<{ id: string; status: string }>(
    `select id, status from processing_jobs
      where organization_id = $1 and id <> $2 and status in ('success', 'failed')
      order by completed_at desc limit 1`,
    [run.orgId, run.runId],
  );
  if (previous[0]?.status !== 'success') return null;
  // Small statements keyed by index each: one planned join over partitioned tables scanned them whole.
  const { rows: changes } = await db.query<{ key_type: 'rf_id' | 'appno' | 'grant'; key: string }>(
    `select 'rf_id' as key_type, rf_id as key from assignments where source_job_id = any($1::uuid[])
     union all
     select 'appno', appno_doc_num from patents where source_job_id = any($1::uuid[]) and appno_doc_num is not null
     union all
     select 'grant', grant_doc_num from patents where source_job_id = any($1::uuid[]) and grant_doc_num is not null
     union all
     select 'appno', appno_doc_num from superseded_documents where source_job_id = any($1::uuid[]) and appno_doc_num is not null
     union all
     select 'grant', grant_doc_num from superseded_documents where source_job_id = any($1::uuid[]) and grant_doc_num is not null`,
    [current.sourceIngestionJobIds],
  );
  const changedKeys = (type: string) => changes.filter((c) => c.key_type === type).map((c) => c.key);
  const patentAppnos = changedKeys('appno');
  const patentGrants = changedKeys('grant');
  const { rows: named } = await db.query<{ rf_id: string }>(
    `select rf_id from document_ids where appno_doc_num = any($1::varchar[])
     union select rf_id from document_ids where grant_doc_num = any($2::varchar[])`,
    [patentAppnos, patentGrants],
  );
  const candidates = [...new Set([...changedKeys('rf_id'), ...named.map((r) => r.rf_id)])];
  const documents = await db.query<{
    rf_id: string;
    appno_doc_num: string | null;
    grant_doc_num: string | null;
  }>(`select rf_id, appno_doc_num, grant_doc_num from document_ids where rf_id = any($1::varchar[])`, [
    candidates,
  ]);
  const parties = await db.query<{ rf_id: string; entity_id: string }>(
    `select rf_id, entity_id from assignors where rf_id = any($1::varchar[])
     union select rf_id, entity_id from assignees where rf_id = any($1::varchar[])`,
    [candidates],
  );
  const { rows: assets } = await db.query<{ appno_doc_num: string | null; grant_doc_num: string | null }>(
    `select a.appno_doc_num, a.grant_doc_num from assets a
      where a.organization_id = $1 and a.deleted_at is null
        and (a.appno_doc_num = any($2::varchar[]) or a.grant_doc_num = any($3::varchar[]))
        and exists (select 1 from company_assets ca
                     where ca.organization_id = $1 and ca.asset_id = a.id and not ca.excluded)`,
    [
      scope.orgId,
      documents.rows.flatMap((d) => (d.appno_doc_num ? [d.appno_doc_num] : [])),
      documents.rows.flatMap((d) => (d.grant_doc_num ? [d.grant_doc_num] : [])),
    ],
  );
  const assetAppnos = new Set(assets.flatMap((a) => (a.appno_doc_num ? [a.appno_doc_num] : [])));
  const assetGrantsWithoutAppno = new Set(
    assets.flatMap((a) => (!a.appno_doc_num && a.grant_doc_num ? [a.grant_doc_num] : [])),
  );
  const companyEntities = new Set(scope.companies.flatMap((c) => c.entityIds));
  const inScope = new Set<string>();
  for (const d of documents.rows) {
    if (
      (d.appno_doc_num && assetAppnos.has(d.appno_doc_num)) ||
      (d.grant_doc_num && assetGrantsWithoutAppno.has(d.grant_doc_num))
    )
      inScope.add(d.rf_id);
  }
  for (const p of parties.rows) if (companyEntities.has(p.entity_id)) inScope.add(p.rf_id);
  // A transaction the earlier runs had in the scope is a change even when it has left it (re-recorded without the
  // company or its assets): its stored rows must go.
  const { rows: stored } = await db.query<{ rf_id: string }>(
    `select rf_id from timeline_entries where organization_id = $1 and rf_id = any($2::varchar[])
     union select rf_id from company_transaction_activities
      where organization_id = $1 and company_id = any($3::uuid[]) and rf_id = any($2::varchar[])`,
    [scope.orgId, candidates, scope.companies.map((c) => c.id)],
  );
  for (const row of stored) inScope.add(row.rf_id);
  const scopedDocuments = documents.rows.filter((d) => inScope.has(d.rf_id));
  const numbers = (key: 'appno_doc_num' | 'grant_doc_num', fromPatents: string[]) =>
    [...new Set([...fromPatents, ...scopedDocuments.flatMap((d) => (d[key] ? [d[key]] : []))])].sort();
  return {
    rfIds: [...inScope].sort(),
    appnos: numbers('appno_doc_num', patentAppnos),
    grants: numbers('grant_doc_num', patentGrants),
    sinceRunId: previous[0].id,
  };
}

/**
 * The derived rows an incremental run can change; null when the run recomputes everything. Steps still
 * compute from the whole scope (so their results equal a full run's), but write only these rows.
 */
export interface DerivedChanges {
  /** Changed transactions of the scope: only their tree, timeline and activity rows can differ. */
  rfIds: ReadonlySet<string>;
  /** Assets whose `T(a)`, membership or patent record changed: only their title, dashboard and diagram rows can differ. */
  assetIds: ReadonlySet<string>;
  /** The run these changes apply on top of. */
  sinceRunId: string;
}

export async function derivedChanges(
  db: Queryable,
  run: RunRef,
  inputs: Pick<OrgInputs, 'assets' | 'assetRfIds'>,
  changes: IncrementalChanges | null,
): Promise<DerivedChanges | null> {
  if (!changes) return null;
  const rfIds = new Set(changes.rfIds);
  // By number, from the table rather than the inputs: an asset that just left the organization keeps no
  // derived rows, so its old ones must be in the rewritten set.
  const { rows } = await db.query<{ id: string }>(
    `select id from assets where organization_id = $1
        and (appno_doc_num = any($2::varchar[]) or grant_doc_num = any($3::varchar[]))`,
    [run.orgId, changes.appnos, changes.grants],
  );
  const assetIds = new Set(rows.map((r) => r.id));
  for (const asset of inputs.assets)
    if (inputs.assetRfIds.get(asset.assetId)?.some((rfId) => rfIds.has(rfId))) assetIds.add(asset.assetId);
  return { rfIds, assetIds, sinceRunId: changes.sinceRunId };
}
