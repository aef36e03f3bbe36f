import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { maintenanceStatusOf } from './assets';
import { assetCountsOf } from './dashboards';
import {
  afterCursor,
  allOf,
  isoDate,
  isoInstant,
  orderByKeys,
  toPage,
  type PageRequest,
  arrayParam,
} from './page';

export const EVENT_TYPES = ['assignment', 'maintenance', 'pipeline'] as const;

export interface EventFeedFilters extends PageRequest {
  type?: (typeof EVENT_TYPES)[number];
  dateFrom?: string;
  dateTo?: string;
}

/**
 * Unified feed (product.md #34): the org's recorded transactions, the maintenance-fee events of its granted
 * assets and its pipeline runs, newest first.
 */
export async function eventFeed(tx: Tx, f: EventFeedFilters) {
  const order = f.order ?? 'desc';
  const branches = [];
  if (!f.type || f.type === 'assignment') {
    branches.push(sql`
      select 'assignment' as type, min(te.record_dt)::timestamptz as at, te.rf_id as key,
             'Transaction ' || te.rf_id || ' recorded' as title,
             string_agg(distinct te.original_name, ' → ' order by te.original_name) as description, null::uuid as asset_id
        from timeline_entries te where te.organization_id = app_current_org() and te.record_dt is not null group by te.rf_id`);
  }
  if (!f.type || f.type === 'maintenance') {
    branches.push(sql`
      select 'maintenance', m.event_date::timestamptz, m.grant_doc_num || ':' || m.event_code || ':' || m.event_date,
             'Maintenance event ' || m.event_code || ' on ' || m.grant_doc_num, c.description, a.id
        from assets a join maintenance_fee_events m on m.grant_doc_num = a.grant_doc_num
        left join maintenance_fee_event_codes c on c.event_code = m.event_code
       where a.organization_id = app_current_org() and a.deleted_at is null`);
  }
  if (!f.type || f.type === 'pipeline') {
    branches.push(sql`
      select 'pipeline', coalesce(p.completed_at, p.created_at), p.id::text, 'Pipeline run ' || p.status::text,
             coalesce(p.error_message, p.job_type::text || ' from ' || p.start_from_step::text), null::uuid
        from processing_jobs p where p.organization_id = app_current_org()`);
  }
  const where = allOf([
    f.dateFrom ? sql`x.at >= ${f.dateFrom}::date` : undefined,
    f.dateTo ? sql`x.at < ${f.dateTo}::date + 1` : undefined,
  ]);
  const feed = sql`select * from (${sql.join(
    branches.map((b) => sql`(${b})`),
    sql` union all `,
  )}) x(type, at, key, title, description, asset_id) where ${where}`;
  const keys = [sql`y.at`, sql`y.type`, sql`y.key`];
  const rows = await tx.execute<{
    type: string;
    at: string;
    key: string;
    title: string;
    description: string | null;
    asset_id: string | null;
  }>(sql`
      select y.* from (${feed}) y where ${afterCursor(keys, f.cursor, order) ?? sql`true`} order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${feed}) y`);
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoInstant(r.at)!, r.type, r.key],
    (r) => ({
      type: r.type,
      date: isoInstant(r.at)!,
      key: r.key,
      title: r.title,
      description: r.description,
      assetId: r.asset_id,
    }),
    counted.rows[0]?.total ?? 0,
  );
}

export interface MaintenanceFilters extends PageRequest {
  status?: 'paid' | 'due' | 'surcharge' | 'expired' | 'other';
  feeWindow?: '3.5' | '7.5' | '11.5';
}

const EFFECTS_OF_STATUS = {
  paid: ['payment_4', 'payment_8', 'payment_12', 'reinstatement'],
  due: ['reminder'],
  surcharge: ['surcharge'],
  expired: ['expiry'],
  other: ['entity_status', 'refund', 'other'],
} as const;

/** Portfolio fee events (product.md #35), by event date (`sort=dueDate`). */
export async function portfolioMaintenance(tx: Tx, f: MaintenanceFilters) {
  const order = f.order ?? 'desc';
  const window = sql`case when m.grant_date is null then null
                          when m.event_date < m.grant_date + interval '66 months' then '3.5'
                          when m.event_date < m.grant_date + interval '114 months' then '7.5' else '11.5' end`;
  const base = sql`
    select a.id as asset_id, a.grant_doc_num, m.event_code, m.event_date, c.effect, c.description, ${window} as fee_window
      from assets a join maintenance_fee_events m on m.grant_doc_num = a.grant_doc_num
      left join maintenance_fee_event_codes c on c.event_code = m.event_code
     where a.organization_id = app_current_org() and a.deleted_at is null
       and ${f.status ? sql`coalesce(c.effect::text, 'other') = any(${arrayParam([...EFFECTS_OF_STATUS[f.status]])}::text[])` : sql`true`}`;
  const filtered = sql`select * from (${base}) b where ${f.feeWindow ? sql`b.fee_window = ${f.feeWindow}` : sql`true`}`;
  const keys = [sql`x.event_date`, sql`x.grant_doc_num`, sql`x.event_code`];
  const rows = await tx.execute<{
    asset_id: string;
    grant_doc_num: string;
    event_code: string;
    event_date: string;
    effect: string | null;
    description: string | null;
    fee_window: string | null;
  }>(sql`
      select x.* from (${filtered}) x where ${afterCursor(keys, f.cursor, order) ?? sql`true`} order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from (${filtered}) x`,
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoDate(r.event_date)!, r.grant_doc_num, r.event_code],
    (r) => ({
      assetId: r.asset_id,
      grantNumber: r.grant_doc_num,
      eventCode: r.event_code,
      description: r.description,
      feeWindow: r.fee_window,
      status: maintenanceStatusOf(r.effect),
      dueDate: isoDate(r.event_date)!,
    }),
    counted.rows[0]?.total ?? 0,
  );
}

export interface RecentAssignmentFilters extends PageRequest {
  days: number;
}

/** Recent transactions of the org (product.md #36), recorded within the last `days`. */
export async function recentAssignments(tx: Tx, f: RecentAssignmentFilters) {
  const order = f.order ?? 'desc';
  const base = sql`
    select te.rf_id, min(te.record_dt) as record_dt, min(te.convey_ty) as convey_ty,
           string_agg(distinct te.original_name, '; ') filter (where te.party_role = 'assignor') as assignor_name,
           string_agg(distinct te.original_name, '; ') filter (where te.party_role = 'assignee') as assignee_name
      from timeline_entries te
     where te.organization_id = app_current_org() and te.record_dt >= current_date - ${f.days}::int
     group by te.rf_id`;
  const keys = [sql`x.record_dt`, sql`x.rf_id`];
  const rows = await tx.execute<{
    rf_id: string;
    record_dt: string;
    convey_ty: string;
    assignor_name: string | null;
    assignee_name: string | null;
  }>(sql`
      select x.* from (${base}) x where ${afterCursor(keys, f.cursor, order) ?? sql`true`} order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${base}) x`);
  const counts = await assetCountsOf(
    tx,
    rows.rows.slice(0, f.limit).map((r) => r.rf_id),
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoDate(r.record_dt)!, r.rf_id],
    (r) => ({
      rfId: r.rf_id,
      recordDate: isoDate(r.record_dt)!,
      type: r.convey_ty,
      assignorName: r.assignor_name,
      assigneeName: r.assignee_name,
      affectedAssets: counts.get(r.rf_id) ?? 0,
    }),
    counted.rows[0]?.total ?? 0,
  );
}
