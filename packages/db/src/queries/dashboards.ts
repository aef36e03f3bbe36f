import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';
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

const SUMMARY_COLUMNS = {
  totalAssets: 'asset_count',
  completeChains: 'complete_chain_count',
  brokenChains: 'broken_chain_count',
  divested: 'divested_count',
  encumbrances: 'encumbrance_count',
  totalTransactions: 'transaction_count',
  totalEntities: 'entity_count',
  totalCompanies: 'company_count',
  totalEmployees: 'employee_count',
  totalParties: 'party_count',
  totalActivities: 'activity_count',
  totalArrows: 'arrow_count',
} as const;
export type SummaryMetric = keyof typeof SUMMARY_COLUMNS | 'bankInvolved' | 'lawFirmInvolved';

/** Home metrics (product.md #28): the org row of `summary_metrics` plus bank / law-firm involvement. */
export async function dashboardSummary(tx: Tx) {
  const columns = sql.raw(
    Object.entries(SUMMARY_COLUMNS)
      .map(([key, column]) => `coalesce(s.${column}, 0) as "${key}"`)
      .join(', '),
  );
  const { rows } = await tx.execute<Record<string, number | string | null>>(sql`
    select ${columns}, s.calculated_at as "calculatedAt",
           (select count(distinct d.asset_id)::int from dashboard_items d where d.organization_id = app_current_org() and d.type = 30) as "bankInvolved",
           (select count(distinct d.asset_id)::int from dashboard_items d where d.organization_id = app_current_org() and d.type = 20) as "lawFirmInvolved",
           (select max(completed_at) from processing_jobs where organization_id = app_current_org() and status = 'success') as "lastPipelineRun",
           last_successful_ingestion() as "lastIngestionDate"
      from (select 1) one left join summary_metrics s on s.organization_id = app_current_org() and s.company_id is null`);
  const breakdown = await tx.execute<{
    activity_id: number;
    convey_ty: string | null;
    transactions: number;
  }>(sql`
    select coalesce(ac.group_id, cta.activity_id) as activity_id, min(ac.convey_ty) as convey_ty, count(distinct cta.rf_id)::int as transactions
      from company_transaction_activities cta left join activity_codes ac on ac.activity_id = cta.activity_id
     where cta.organization_id = app_current_org()
     group by 1 order by 1`);
  const row = rows[0] ?? {};
  const metrics = Object.fromEntries(
    [...Object.keys(SUMMARY_COLUMNS), 'bankInvolved', 'lawFirmInvolved'].map((key) => [
      key,
      Number(row[key] ?? 0),
    ]),
  ) as Record<SummaryMetric, number>;
  return {
    ...metrics,
    activityBreakdown: breakdown.rows.map((r) => ({
      activityId: r.activity_id,
      conveyanceType: r.convey_ty,
      transactions: r.transactions,
    })),
    calculatedAt: isoInstant(row.calculatedAt as string | null),
    lastIngestionDate: isoInstant(row.lastIngestionDate as string | null),
    lastPipelineRun: isoInstant(row.lastPipelineRun as string | null),
  };
}

export interface TreeFilters extends PageRequest {
  tab?: number;
  treeType?: number;
  companyId?: string;
}

/** Per node: assets touched by its transactions, broken titles among them and the last activity. */
const nodeStats = (node: SQL) => sql`
  (select count(distinct a.id)::int from assets a join document_ids d on d.grant_doc_num = a.grant_doc_num or d.appno_doc_num = a.appno_doc_num
    where a.organization_id = ${node}.organization_id and a.deleted_at is null and d.rf_id = any(${node}.transaction_rf_ids)) as asset_count,
  (select count(distinct t.asset_id)::int from asset_title_status t
    where t.organization_id = ${node}.organization_id and t.status = 'broken' and t.chain_rf_ids && ${node}.transaction_rf_ids) as broken_count,
  (select max(asg.record_dt) from assignments asg where asg.rf_id = any(${node}.transaction_rf_ids)) as last_activity`;

/** Ownership-tree nodes by tab (product.md #29, B2.9). */
export async function listTrees(tx: Tx, f: TreeFilters) {
  const order = f.order ?? 'asc';
  const where = allOf([
    sql`n.organization_id = app_current_org()`,
    f.tab !== undefined ? sql`n.tree_tab = ${f.tab}` : undefined,
    f.treeType !== undefined ? sql`n.tree_type = ${f.treeType}` : undefined,
    f.companyId ? sql`n.company_id = ${f.companyId}` : undefined,
  ]);
  const keys = [sql`n.name`, sql`n.id`];
  const rows = await tx.execute<TreeRow>(sql`
      select n.id, n.name, n.entity_id, n.company_id, n.tree_type, n.tree_tab, n.color, n.depth, n.parent_id, tt.display_name,
             cardinality(n.transaction_rf_ids) as transaction_count, ${nodeStats(sql`n`)}
        from ownership_tree_nodes n join tree_types tt on tt.code = n.tree_type
       where ${where} and ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from ownership_tree_nodes n where ${where}`,
  );
  return toPage(rows.rows, f.limit, (r) => [r.name, r.id], treeItem, counted.rows[0]?.total ?? 0);
}

type TreeRow = {
  id: string;
  name: string;
  entity_id: string;
  company_id: string | null;
  tree_type: number;
  tree_tab: number;
  color: string;
  depth: number;
  parent_id: string | null;
  display_name: string;
  transaction_count: number;
  asset_count: number;
  broken_count: number;
  last_activity: string | null;
};

function treeItem(r: TreeRow) {
  return {
    id: r.id,
    entityId: r.entity_id,
    entityName: r.name,
    companyId: r.company_id,
    treeType: r.tree_type,
    treeTab: r.tree_tab,
    typeLabel: r.display_name,
    color: r.color,
    depth: r.depth,
    parentId: r.parent_id,
    transactionCount: r.transaction_count,
    assetCount: r.asset_count,
    brokenTitles: r.broken_count,
    lastActivity: isoDate(r.last_activity),
  };
}

/** One tree node with its assets and a transaction summary (product.md #30); null when not the caller's. */
export async function treeDetail(tx: Tx, treeId: string) {
  const { rows } = await tx.execute<TreeRow & { rf_ids: string[] }>(sql`
    select n.id, n.name, n.entity_id, n.company_id, n.tree_type, n.tree_tab, n.color, n.depth, n.parent_id, tt.display_name,
           cardinality(n.transaction_rf_ids) as transaction_count, n.transaction_rf_ids as rf_ids, ${nodeStats(sql`n`)}
      from ownership_tree_nodes n join tree_types tt on tt.code = n.tree_type
     where n.organization_id = app_current_org() and n.id = ${treeId}`);
  const node = rows[0];
  if (!node) return null;
  const summary = await tx.execute<{
    first_date: string | null;
    last_date: string | null;
    by_type: Record<string, number> | null;
  }>(sql`
      select min(asg.record_dt) as first_date, max(asg.record_dt) as last_date,
             (select jsonb_object_agg(t, c) from (select coalesce(ac.convey_ty, 'missing') t, count(*)::int c from assignments a2
                left join assignment_conveyances ac on ac.rf_id = a2.rf_id where a2.rf_id = any(${arrayParam(node.rf_ids)}::varchar[]) group by 1) g) as by_type
        from assignments asg where asg.rf_id = any(${arrayParam(node.rf_ids)}::varchar[])`);
  const assetRows = await tx.execute<{
    id: string;
    grant_doc_num: string | null;
    appno_doc_num: string | null;
    title: string | null;
    status: string | null;
  }>(sql`
      select a.id, a.grant_doc_num, a.appno_doc_num, p.title,
             (select t.display_status from asset_title_status t where t.organization_id = a.organization_id and t.asset_id = a.id
               order by case t.status when 'broken' then 0 when 'divested' then 1 else 2 end limit 1) as status
        from assets a left join patents p on p.id = a.patent_id
       where a.organization_id = app_current_org() and a.deleted_at is null
         and exists (select 1 from document_ids d where d.rf_id = any(${arrayParam(node.rf_ids)}::varchar[])
                        and (d.grant_doc_num = a.grant_doc_num or d.appno_doc_num = a.appno_doc_num))
       order by a.grant_doc_num nulls last, a.appno_doc_num`);
  const s = summary.rows[0];
  return {
    ...treeItem(node),
    transactionRfIds: node.rf_ids,
    transactionSummary: {
      count: node.transaction_count,
      firstRecordDate: isoDate(s?.first_date),
      lastRecordDate: isoDate(s?.last_date),
      byConveyanceType: s?.by_type ?? {},
    },
    assets: assetRows.rows.map((a) => ({
      id: a.id,
      grantNumber: a.grant_doc_num,
      applicationNumber: a.appno_doc_num,
      title: a.title,
      status: a.status,
    })),
  };
}

export interface BrokenTitleFilters extends PageRequest {
  entityId?: string;
  companyId?: string;
}

const nameOfKey = (key: SQL) =>
  sql`coalesce((select r.representative_name from representatives r where r.id = ${key}), (select e.name from entities e where e.id = ${key}))`;

/**
 * Broken chains (product.md #31, B2.10): one row per broken asset with its break and gap. An asset broken for
 * several tracked companies is listed once (its first company's verdict), so the total equals the summary's
 * `brokenChains` (engineering.md §8: an asset's org-level status is the worst of its companies' verdicts).
 */
export async function listBrokenTitles(tx: Tx, f: BrokenTitleFilters) {
  const order = f.order ?? 'asc';
  const where = allOf([
    sql`b.organization_id = app_current_org()`,
    f.companyId ? sql`b.company_id = ${f.companyId}` : undefined,
    f.entityId
      ? sql`(${f.entityId}::uuid = any(b.final_holder_keys) or ${f.entityId}::uuid = any(b.expected_holder_keys) or ${f.entityId}::uuid = any(b.actual_assignor_keys))`
      : undefined,
  ]);
  const keys = [
    sql`coalesce(b.grant_doc_num, b.appno_doc_num, '')`,
    sql`b.asset_id::text`,
    sql`b.company_id::text`,
  ];
  const rows = await tx.execute<{
    asset_id: string;
    company_id: string;
    company_name: string;
    grant_doc_num: string | null;
    appno_doc_num: string | null;
    title: string | null;
    reason: string | null;
    break_rf_id: string | null;
    current_assignee: string | null;
    gap_from: string | null;
    gap_to: string | null;
    break_date: string | null;
  }>(sql`
      select b.asset_id, b.company_id, c.name as company_name, b.grant_doc_num, b.appno_doc_num, p.title, b.reason, b.break_rf_id,
             ${nameOfKey(sql`b.final_holder_keys[1]`)} as current_assignee,
             ${nameOfKey(sql`b.expected_holder_keys[1]`)} as gap_from,
             ${nameOfKey(sql`b.actual_assignor_keys[1]`)} as gap_to,
             (select record_dt from assignments where rf_id = b.break_rf_id) as break_date
        from (select distinct on (b.asset_id) b.* from broken_title_chains b where ${where}
               order by b.asset_id, b.company_id) b
        join companies c on c.organization_id = b.organization_id and c.id = b.company_id
        join assets a on a.organization_id = b.organization_id and a.id = b.asset_id
        left join patents p on p.id = a.patent_id
       where ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(distinct b.asset_id)::int as total from broken_title_chains b where ${where}`,
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [r.grant_doc_num ?? r.appno_doc_num ?? '', r.asset_id, r.company_id],
    (r) => ({
      assetId: r.asset_id,
      companyId: r.company_id,
      companyName: r.company_name,
      grantNumber: r.grant_doc_num,
      applicationNumber: r.appno_doc_num,
      title: r.title,
      currentAssignee: r.current_assignee,
      reason: r.reason,
      breakRfId: r.break_rf_id,
      breakRecordDate: isoDate(r.break_date),
      missingLink: r.reason === 'chain_gap' ? { from: r.gap_from, to: r.gap_to } : null,
      gapDescription: gapDescription(r.reason, r.gap_from, r.gap_to),
    }),
    counted.rows[0]?.total ?? 0,
  );
}

function gapDescription(reason: string | null, from: string | null, to: string | null): string {
  switch (reason) {
    case 'chain_gap':
      return `No recorded transfer from ${from ?? 'the previous owner'} to ${to ?? 'the next assignor'}`;
    case 'no_transactions':
      return 'No recorded assignments for this asset';
    case 'no_inventor_start':
      return 'The chain does not start with an assignment from the inventors';
    case 'not_current_owner':
      return 'The chain does not end with the company as owner';
    default:
      return 'Chain of title is broken';
  }
}

export interface TimelineFilters extends PageRequest {
  entityId?: string;
  dateFrom?: string;
  dateTo?: string;
  conveyanceType?: string;
  companyId?: string;
}

function timelineWhere(f: TimelineFilters): SQL {
  return allOf([
    sql`te.organization_id = app_current_org()`,
    f.companyId ? sql`te.company_id = ${f.companyId}` : undefined,
    f.entityId ? sql`te.entity_id = ${f.entityId}` : undefined,
    f.dateFrom ? sql`te.record_dt >= ${f.dateFrom}::date` : undefined,
    f.dateTo ? sql`te.record_dt <= ${f.dateTo}::date` : undefined,
    f.conveyanceType ? sql`te.convey_ty = ${f.conveyanceType}` : undefined,
  ]);
}

/** Transactions over time (product.md #32): one row per transaction of the org's timeline, newest first. */
export async function listTimeline(tx: Tx, f: TimelineFilters) {
  const order = f.order ?? 'desc';
  const keys = [sql`coalesce(x.record_dt, '0001-01-01'::date)`, sql`x.rf_id`];
  const base = sql`
    select te.rf_id, min(te.record_dt) as record_dt, min(te.convey_ty) as convey_ty, min(ct.color) as color, min(te.category::text) as category,
           string_agg(distinct te.original_name, '; ') filter (where te.party_role = 'assignor') as assignor,
           string_agg(distinct te.original_name, '; ') filter (where te.party_role = 'assignee') as assignee
      from timeline_entries te join conveyance_types ct on ct.convey_ty = te.convey_ty
     where ${timelineWhere(f)} group by te.rf_id`;
  const rows = await tx.execute<{
    rf_id: string;
    record_dt: string | null;
    convey_ty: string;
    color: string;
    category: string;
    assignor: string | null;
    assignee: string | null;
  }>(sql`
      select x.* from (${base}) x where ${afterCursor(keys, f.cursor, order) ?? sql`true`} order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(distinct te.rf_id)::int as total from timeline_entries te where ${timelineWhere(f)}`,
  );
  const rfIds = rows.rows.slice(0, f.limit).map((r) => r.rf_id);
  const counts = await assetCountsOf(tx, rfIds);
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoDate(r.record_dt) ?? '0001-01-01', r.rf_id],
    (r) => ({
      rfId: r.rf_id,
      recordDate: isoDate(r.record_dt),
      type: r.convey_ty,
      category: r.category,
      color: r.color,
      assignor: r.assignor,
      assignee: r.assignee,
      assetCount: counts.get(r.rf_id) ?? 0,
    }),
    counted.rows[0]?.total ?? 0,
  );
}

/** The tenant's assets each transaction touches. */
export async function assetCountsOf(tx: Tx, rfIds: string[]): Promise<Map<string, number>> {
  if (!rfIds.length) return new Map();
  const { rows } = await tx.execute<{ rf_id: string; assets: number }>(sql`
    select d.rf_id, count(distinct a.id)::int as assets
      from document_ids d join assets a on a.organization_id = app_current_org() and a.deleted_at is null
                                       and (a.grant_doc_num = d.grant_doc_num or a.appno_doc_num = d.appno_doc_num)
     where d.rf_id = any(${arrayParam(rfIds)}::varchar[]) group by d.rf_id`);
  return new Map(rows.map((r) => [r.rf_id, r.assets]));
}

/** Bucketed timeline for charts of more than a few hundred entries (`bucket=month|year`). */
export async function timelineBuckets(tx: Tx, f: TimelineFilters, bucket: 'month' | 'year') {
  const unit = bucket === 'month' ? sql.raw(`'month'`) : sql.raw(`'year'`);
  const { rows } = await tx.execute<{ period: string; type: string; count: number }>(sql`
    select to_char(date_trunc(${unit}, x.record_dt), ${bucket === 'month' ? 'YYYY-MM' : 'YYYY'}) as period, x.convey_ty as type, count(*)::int as count
      from (select te.rf_id, min(te.record_dt) as record_dt, min(te.convey_ty) as convey_ty from timeline_entries te where ${timelineWhere(f)} group by te.rf_id) x
     where x.record_dt is not null group by 1, 2 order by 1, 2`);
  return rows;
}

export const CPC_LEVELS = ['section', 'class', 'subclass'] as const;
const CPC_PREFIX_LENGTH = { section: 1, class: 3, subclass: 4 } as const;

/** CPC distribution of the portfolio (product.md #33); `weight` is the count relative to the largest. */
export async function cpcWordcloud(tx: Tx, level: (typeof CPC_LEVELS)[number], year?: number) {
  const length = CPC_PREFIX_LENGTH[level];
  const { rows } = await tx.execute<{ code: string; description: string | null; count: number }>(sql`
    select g.code, s.title as description, g.count from (
      select left(pc.cpc_code, ${length}) as code, count(distinct a.id)::int as count
        from assets a join patent_cpc_codes pc
          on (pc.doc_type = 'grant' and pc.doc_num = a.grant_doc_num) or (pc.doc_type = 'application' and pc.doc_num = a.appno_doc_num)
       where a.organization_id = app_current_org() and a.deleted_at is null
         and (${year ?? null}::int is null or extract(year from a.appno_date) = ${year ?? null}::int)
       group by 1) g
    left join cpc_classifications s on s.cpc_code = g.code
    order by g.count desc, g.code`);
  const max = rows[0]?.count ?? 1;
  return rows.map((r) => ({
    code: r.code,
    description: r.description,
    count: r.count,
    weight: Math.round((r.count / max) * 1000) / 1000,
  }));
}
