import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { afterCursor, allOf, isoDate, isoInstant, orderByKeys, toPage, type PageRequest } from './page';
import { partiesOf } from './assets';

export interface AdminOrgFilters extends PageRequest {
  search?: string;
  status?: string;
  awaitingApproval?: boolean;
}

/** Every organization (product.md #73) for a super admin; RLS T2 makes them all visible. */
export async function listOrganizations(tx: Tx, f: AdminOrgFilters) {
  const order = f.order ?? 'asc';
  const where = allOf([
    sql`o.deleted_at is null`,
    f.search
      ? sql`lower(o.name) like ${`%${f.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`
      : undefined,
    f.status ? sql`o.status = ${f.status}` : undefined,
    f.awaitingApproval === undefined ? undefined : sql`o.awaiting_approval = ${f.awaitingApproval}`,
  ]);
  const keys = [sql`lower(o.name)`, sql`o.id`];
  const rows = await tx.execute<{
    id: string;
    name: string;
    status: string;
    awaiting_approval: boolean;
    environment_mode: string | null;
    users: number;
    assets: number;
    last_run: string | null;
    created_at: string;
  }>(sql`
      select o.id, o.name, o.status, o.awaiting_approval, cc.environment_mode, o.created_at,
             (select count(*)::int from users u where u.organization_id = o.id and u.deleted_at is null) as users,
             (select count(*)::int from assets a where a.organization_id = o.id and a.deleted_at is null) as assets,
             (select max(p.completed_at) from processing_jobs p where p.organization_id = o.id) as last_run
        from organizations o left join customer_configurations cc on cc.organization_id = o.id
       where ${where} and ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from organizations o where ${where}`,
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [r.name.toLowerCase(), r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      awaitingApproval: r.awaiting_approval,
      environmentMode: r.environment_mode ?? 'PRO',
      users: r.users,
      assets: r.assets,
      lastRunAt: isoInstant(r.last_run),
      createdAt: isoInstant(r.created_at)!,
    }),
    counted.rows[0]?.total ?? 0,
  );
}

/** Data-quality counters of one org (product.md #79). */
export async function dataQuality(tx: Tx, orgId: string) {
  const { rows } = await tx.execute<{
    broken: number;
    unclassified: number;
    flagged: number;
    inventor: number;
    assignment: number;
    correspondence: number;
    address: number;
    security: number;
  }>(sql`
    with own as (select distinct rf_id from timeline_entries where organization_id = ${orgId})
    select (select count(distinct asset_id)::int from asset_title_status where organization_id = ${orgId} and status = 'broken') as broken,
           (select count(*)::int from own join assignment_conveyances ac on ac.rf_id = own.rf_id where ac.convey_ty = 'missing') as unclassified,
           (select count(*)::int from own join assignment_conveyances ac on ac.rf_id = own.rf_id where ac.source = 'inventor_match') as flagged,
           (select count(distinct asset_id)::int from asset_title_status where organization_id = ${orgId} and reason = 'no_inventor_start') as inventor,
           (select count(distinct asset_id)::int from asset_title_status where organization_id = ${orgId} and reason = 'chain_gap') as assignment,
           (select count(*)::int from own join assignments a on a.rf_id = own.rf_id where a.cname is null) as correspondence,
           (select count(*)::int from own join assignees e on e.rf_id = own.rf_id where e.ee_address_1 is null and e.ee_city is null) as address,
           (select count(distinct asset_id)::int from asset_title_status where organization_id = ${orgId} and encumbered) as security`);
  const r = rows[0]!;
  return {
    brokenChains: r.broken,
    unclassified: r.unclassified,
    flagged: r.flagged,
    byErrorType: {
      inventor: r.inventor,
      assignment: r.assignment,
      correspondence: r.correspondence,
      address: r.address,
      security: r.security,
    },
  };
}

/** Sources with their health (product.md #82, B3.2): failing after a failure newer than the last success, stale past the warning age. */
export async function ingestionSources(tx: Tx) {
  const { rows } = await tx.execute<{
    key: string;
    display_name: string;
    schedule_cron: string | null;
    is_active: boolean;
    last_run_at: string | null;
    last_success_at: string | null;
    last_failure_at: string | null;
    last_error: string | null;
    next_run_at: string | null;
    freshness_warn_hours: number | null;
    freshness_critical_hours: number | null;
  }>(sql`
    select key, display_name, schedule_cron, is_active, last_run_at, last_success_at, last_failure_at, last_error, next_run_at,
           freshness_warn_hours, freshness_critical_hours
      from data_sources order by key`);
  const now = Date.now();
  return rows.map((s) => {
    const success = s.last_success_at ? Date.parse(String(s.last_success_at)) : null;
    const failure = s.last_failure_at ? Date.parse(String(s.last_failure_at)) : null;
    const ageHours = success === null ? null : (now - success) / 3_600_000;
    const failing = failure !== null && (success === null || failure > success);
    const stale = s.freshness_warn_hours !== null && (ageHours === null || ageHours > s.freshness_warn_hours);
    const critical =
      s.freshness_critical_hours !== null && (ageHours === null || ageHours > s.freshness_critical_hours);
    return {
      key: s.key,
      displayName: s.display_name,
      schedule: s.schedule_cron,
      active: s.is_active,
      lastRunAt: isoInstant(s.last_run_at),
      lastSuccessAt: isoInstant(s.last_success_at),
      lastFailureAt: isoInstant(s.last_failure_at),
      lastError: s.last_error,
      nextRunAt: isoInstant(s.next_run_at),
      status: failing ? ('failing' as const) : stale ? ('stale' as const) : ('healthy' as const),
      freshness: critical ? ('critical' as const) : stale ? ('stale' as const) : ('fresh' as const),
      staleDays: ageHours === null ? null : Math.floor(ageHours / 24),
    };
  });
}

export async function ingestionCounters(tx: Tx) {
  const { rows } = await tx.execute<{ active: number; failed: number }>(sql`
    select (select count(*)::int from ingestion_jobs where status in ('running', 'pending')) as active,
           (select count(*)::int from ingestion_jobs where status = 'failed' and coalesce(completed_at, created_at) > now() - interval '24 hours') as failed`);
  return { activeJobs: rows[0]?.active ?? 0, failedJobsLast24h: rows[0]?.failed ?? 0 };
}

export interface IngestionJobFilters extends PageRequest {
  status?: string;
  jobType?: string;
  dateFrom?: string;
  dateTo?: string;
}

/** Ingestion job browser (product.md #83), newest first. */
export async function listIngestionJobs(tx: Tx, f: IngestionJobFilters) {
  const order = f.order ?? 'desc';
  const where = allOf([
    f.status ? sql`j.status::text = ${f.status}` : undefined,
    f.jobType ? sql`s.key = ${f.jobType}` : undefined,
    f.dateFrom ? sql`j.created_at >= ${f.dateFrom}::date` : undefined,
    f.dateTo ? sql`j.created_at < ${f.dateTo}::date + 1` : undefined,
  ]);
  const keys = [sql`j.created_at`, sql`j.id`];
  const rows = await tx.execute<{
    id: string;
    source: string;
    status: string;
    attempt: number;
    file_name: string | null;
    started_at: string | null;
    completed_at: string | null;
    created_at: string;
    records_processed: number;
    records_failed: number;
    error_message: string | null;
    metadata: unknown;
  }>(sql`
      select j.id, s.key as source, j.status, j.attempt, j.file_name, j.started_at, j.completed_at, j.created_at,
             j.records_processed, j.records_failed, j.error_message, j.metadata
        from ingestion_jobs j join data_sources s on s.id = j.data_source_id
       where ${where} and ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from ingestion_jobs j join data_sources s on s.id = j.data_source_id where ${where}`,
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoInstant(r.created_at)!, r.id],
    (r) => ({
      id: r.id,
      jobType: r.source,
      status: r.status,
      attempts: r.attempt,
      fileName: r.file_name,
      createdAt: isoInstant(r.created_at)!,
      startedAt: isoInstant(r.started_at),
      completedAt: isoInstant(r.completed_at),
      durationMs:
        r.started_at && r.completed_at
          ? Date.parse(String(r.completed_at)) - Date.parse(String(r.started_at))
          : null,
      recordsProcessed: r.records_processed,
      recordsFailed: r.records_failed,
      failureReason: r.error_message,
      payload: r.metadata,
    }),
    counted.rows[0]?.total ?? 0,
  );
}

export interface AdminTransactionFilters extends PageRequest {
  orgId?: string;
  conveyanceType?: string;
  dateFrom?: string;
  dateTo?: string;
  flagged?: boolean;
}

/**
 * Cross-org transaction review (product.md #80): each org's transactions (its timeline), newest first.
 * `flagged` = classified by the inventor match (BR-021…023), the rows the data-quality counter calls flagged.
 */
export async function listAdminTransactions(tx: Tx, f: AdminTransactionFilters) {
  const order = f.order ?? 'desc';
  const where = allOf([
    f.orgId ? sql`te.organization_id = ${f.orgId}` : undefined,
    f.conveyanceType ? sql`te.convey_ty = ${f.conveyanceType}` : undefined,
    f.dateFrom ? sql`te.record_dt >= ${f.dateFrom}::date` : undefined,
    f.dateTo ? sql`te.record_dt <= ${f.dateTo}::date` : undefined,
    f.flagged === undefined
      ? undefined
      : sql`${f.flagged ? sql`` : sql`not `}exists (select 1 from assignment_conveyances ac where ac.rf_id = te.rf_id and ac.source = 'inventor_match')`,
  ]);
  const grouped = sql`
    select te.organization_id, te.rf_id, max(te.record_dt) as record_dt, max(te.convey_ty) as convey_ty
      from timeline_entries te where ${where} group by te.organization_id, te.rf_id`;
  const keys = [sql`coalesce(x.record_dt, '0001-01-01'::date)`, sql`x.rf_id`, sql`x.organization_id::text`];
  const rows = await tx.execute<{
    organization_id: string;
    org_name: string;
    rf_id: string;
    record_dt: string | null;
    convey_ty: string;
    convey_text: string | null;
    affected: number;
  }>(sql`
      select x.organization_id, o.name as org_name, x.rf_id, x.record_dt, x.convey_ty, asg.convey_text,
             (select count(distinct a.id)::int from document_ids d
                join assets a on a.organization_id = x.organization_id and a.deleted_at is null and (a.grant_doc_num = d.grant_doc_num or a.appno_doc_num = d.appno_doc_num)
               where d.rf_id = x.rf_id) as affected
        from (${grouped}) x join organizations o on o.id = x.organization_id left join assignments asg on asg.rf_id = x.rf_id
       where ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${grouped}) x`);
  const page = rows.rows.slice(0, f.limit);
  const parties = await partiesOf(tx, [...new Set(page.map((r) => r.rf_id))]);
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoDate(r.record_dt) ?? '0001-01-01', r.rf_id, r.organization_id],
    (r) => ({
      rfId: r.rf_id,
      orgId: r.organization_id,
      orgName: r.org_name,
      type: r.convey_ty,
      text: r.convey_text,
      recordDate: isoDate(r.record_dt),
      parties: parties.get(r.rf_id) ?? { assignors: [], assignees: [] },
      affectedAssets: r.affected,
    }),
    counted.rows[0]?.total ?? 0,
  );
}
