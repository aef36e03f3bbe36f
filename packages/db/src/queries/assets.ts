import { sql, type SQL } from 'drizzle-orm';
import { normalizeDocNumber, type AssetCsvRow } from '@patentrack/shared';
import type { Tx } from '../client';
import {
  afterCursor,
  allOf,
  isoDate,
  orderByKeys,
  toPage,
  type Page,
  type PageRequest,
  arrayParam,
} from './page';

export const ASSET_SORTS = ['lastActivity', 'applicationDate', 'grantDate', 'title'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];
export const ASSET_STATUS_FILTERS = ['complete', 'broken', 'divested', 'encumbered'] as const;

export interface AssetListFilters extends PageRequest {
  search?: string;
  status?: (typeof ASSET_STATUS_FILTERS)[number];
  entityId?: string;
  cpcCode?: string;
  dateFrom?: string;
  dateTo?: string;
  conveyanceType?: string;
  sort?: AssetSort;
  /** Only these assets: a selection exported to a sheet (#70); not a query parameter of the endpoint. */
  ids?: string[];
}

/** A row of #16; its exported columns are the CSV row's, so the export reads every column it writes. */
export interface AssetListItem extends AssetCsvRow {
  id: string;
  applicationDate: string | null;
  grantDate: string | null;
}

/** Transactions recorded against an asset: any `document_ids` row carrying its grant or application number. */
const assetTransactions = (grant: SQL, appno: SQL) => sql`(
  select d.rf_id from document_ids d where d.grant_doc_num = ${grant}
  union select d.rf_id from document_ids d where d.appno_doc_num = ${appno})`;
const ofAssetRow = () => assetTransactions(sql`a.grant_doc_num`, sql`a.appno_doc_num`);
const ofAsset = (asset: AssetRef) =>
  assetTransactions(sql`${asset.grantNumber}::varchar`, sql`${asset.applicationNumber}::varchar`);

/** Worst verdict first (engineering.md §8: an asset's org-level status is the worst of its companies'). */
const STATUS_RANK = sql`case t.status when 'broken' then 0 when 'divested' then 1 else 2 end`;

/** Name of a title-status holder key (an effective representative, or an entity without one). */
const holderName = (key: SQL) =>
  sql`coalesce((select r.representative_name from representatives r where r.id = ${key}), (select e.name from entities e where e.id = ${key}))`;

const SORT_KEYS: Record<AssetSort, SQL> = {
  lastActivity: sql`coalesce(x.last_activity, '0001-01-01'::date)`,
  applicationDate: sql`coalesce(x.appno_date, '0001-01-01'::date)`,
  grantDate: sql`coalesce(x.grant_date, '0001-01-01'::date)`,
  title: sql`coalesce(x.title, '')`,
};

/** A number in any common notation (`US 7,654,321 B2`, `12/345,678`) as the canonical forms it may denote. */
export function numberCandidates(text: string): string[] {
  const forms = (['grant', 'appno', 'pgpub'] as const).map((kind) => normalizeDocNumber(kind, text));
  return [...new Set(forms.filter((f): f is string => f !== null))];
}

function assetFilters(f: AssetListFilters): SQL {
  const conditions: (SQL | undefined)[] = [
    sql`a.organization_id = app_current_org()`,
    sql`a.deleted_at is null`,
  ];
  if (f.search) {
    const numbers = numberCandidates(f.search);
    const byNumber = numbers.length
      ? sql`a.grant_doc_num = any(${arrayParam(numbers)}::varchar[]) or a.appno_doc_num = any(${arrayParam(numbers)}::varchar[]) or p.pgpub_doc_num = any(${arrayParam(numbers)}::varchar[]) or `
      : sql``;
    conditions.push(sql`(${byNumber}p.title_tsv @@ websearch_to_tsquery('english', ${f.search}))`);
  }
  if (f.status === 'encumbered') {
    conditions.push(
      sql`exists (select 1 from asset_title_status t where t.organization_id = a.organization_id and t.asset_id = a.id and t.encumbered)`,
    );
  } else if (f.status) {
    conditions.push(
      sql`exists (select 1 from asset_title_status t where t.organization_id = a.organization_id and t.asset_id = a.id and t.status = ${f.status})`,
    );
  }
  if (f.ids) conditions.push(sql`a.id = any(${arrayParam(f.ids)}::uuid[])`);
  if (f.dateFrom) conditions.push(sql`a.appno_date >= ${f.dateFrom}::date`);
  if (f.dateTo) conditions.push(sql`a.appno_date <= ${f.dateTo}::date`);
  if (f.cpcCode) {
    conditions.push(
      sql`exists (select 1 from patent_cpc_codes c where c.doc_num in (a.grant_doc_num, a.appno_doc_num) and c.cpc_code like ${`${f.cpcCode.replace(/[%_\\]/g, '\\$&')}%`})`,
    );
  }
  if (f.conveyanceType) {
    conditions.push(
      sql`exists (select 1 from ${ofAssetRow()} tx join assignment_conveyances ac on ac.rf_id = tx.rf_id where ac.convey_ty = ${f.conveyanceType})`,
    );
  }
  if (f.entityId) {
    conditions.push(sql`exists (
      select 1 from ${ofAssetRow()} tx
        join (select rf_id, entity_id from assignors union all select rf_id, entity_id from assignees) party on party.rf_id = tx.rf_id
        join entities e on e.id = party.entity_id
        left join org_entity_overrides o on o.organization_id = a.organization_id and o.entity_id = e.id
       where coalesce(o.representative_id, e.representative_id, e.id) = ${f.entityId} or e.id = ${f.entityId})`);
  }
  return allOf(conditions);
}

/** Portfolio list (product.md #16): exact total, keyset pages over the chosen sort. */
export async function listAssets(tx: Tx, f: AssetListFilters): Promise<Page<AssetListItem>> {
  const sort = f.sort ?? 'lastActivity';
  const order = f.order ?? 'desc';
  const keys = [SORT_KEYS[sort], sql`x.id`];
  const where = assetFilters(f);
  const base = sql`
    select a.id, a.grant_doc_num, a.appno_doc_num, a.appno_date, p.title, p.grant_date, a.last_activity
      from assets a left join patents p on p.id = a.patent_id
     where ${where}`;
  const rows = await tx.execute<{
    id: string;
    grant_doc_num: string | null;
    appno_doc_num: string | null;
    appno_date: string | null;
    title: string | null;
    grant_date: string | null;
    last_activity: string | null;
  }>(sql`
      select * from (${base}) x where ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from assets a left join patents p on p.id = a.patent_id where ${where}`,
  );
  const ids = rows.rows.slice(0, f.limit).map((r) => r.id);
  const details = await assetColumns(tx, ids);
  return toPage(
    rows.rows,
    f.limit,
    (r) => [sortValue(sort, r), r.id],
    (r) => {
      const detail = details.get(r.id);
      return {
        id: r.id,
        grantNumber: r.grant_doc_num,
        applicationNumber: r.appno_doc_num,
        title: r.title,
        currentAssignee: detail?.currentAssignee ?? null,
        status: detail?.status ?? null,
        assignmentCount: detail?.assignmentCount ?? 0,
        lastActivity: detail?.lastActivity ?? null,
        applicationDate: isoDate(r.appno_date),
        grantDate: isoDate(r.grant_date),
      };
    },
    counted.rows[0]?.total ?? 0,
  );
}

function sortValue(
  sort: AssetSort,
  r: {
    last_activity: string | null;
    appno_date: string | null;
    grant_date: string | null;
    title: string | null;
  },
): string {
  switch (sort) {
    case 'lastActivity':
      return isoDate(r.last_activity) ?? '0001-01-01';
    case 'applicationDate':
      return isoDate(r.appno_date) ?? '0001-01-01';
    case 'grantDate':
      return isoDate(r.grant_date) ?? '0001-01-01';
    case 'title':
      return r.title ?? '';
  }
}

/**
 * Stores every asset's last recorded transaction and transaction count for the org of the context, in one
 * set-based statement (one pass over the org's document numbers instead of a lookup per asset and request).
 * Called once after each pipeline run; the list sorts by the stored date (`assets_activity_sort_idx`).
 */
export async function storeAssetActivity(tx: Tx): Promise<number> {
  const result = await tx.execute(sql`
    with own as (select id, grant_doc_num, appno_doc_num from assets where organization_id = app_current_org() and deleted_at is null),
    linked as (
      select own.id, d.rf_id from own join document_ids d on d.grant_doc_num = own.grant_doc_num
      union
      select own.id, d.rf_id from own join document_ids d on d.appno_doc_num = own.appno_doc_num),
    activity as (
      select linked.id, max(asg.record_dt) as last_activity, count(*)::int as assignment_count
        from linked join assignments asg on asg.rf_id = linked.rf_id group by linked.id)
    update assets a set last_activity = activity.last_activity, assignment_count = coalesce(activity.assignment_count, 0), activity_at = now()
      from own left join activity on activity.id = own.id
     where a.organization_id = app_current_org() and a.id = own.id`);
  return result.rowCount ?? 0;
}

/** Status, current assignee and activity of a page of assets, in one round trip. */
async function assetColumns(tx: Tx, ids: string[]) {
  const out = new Map<
    string,
    {
      status: string | null;
      currentAssignee: string | null;
      assignmentCount: number;
      lastActivity: string | null;
    }
  >();
  if (!ids.length) return out;
  const { rows } = await tx.execute<{
    id: string;
    status: string | null;
    holder: string | null;
    assignment_count: number;
    last_activity: string | null;
  }>(sql`
    select a.id, st.display_status as status, ${holderName(sql`st.final_holder_keys[1]`)} as holder,
           case when a.activity_at is not null then a.assignment_count else (select count(*)::int from ${ofAssetRow()} tx) end as assignment_count,
           case when a.activity_at is not null then a.last_activity
                else (select max(asg.record_dt) from ${ofAssetRow()} tx join assignments asg on asg.rf_id = tx.rf_id) end as last_activity
      from assets a
      left join lateral (
        select t.display_status, t.final_holder_keys from asset_title_status t
         where t.organization_id = a.organization_id and t.asset_id = a.id order by ${STATUS_RANK}, t.company_id limit 1) st on true
     where a.organization_id = app_current_org() and a.id = any(${arrayParam(ids)}::uuid[])`);
  for (const r of rows) {
    out.set(r.id, {
      status: r.status,
      currentAssignee: r.holder,
      assignmentCount: r.assignment_count,
      lastActivity: isoDate(r.last_activity),
    });
  }
  return out;
}

export interface AssetRef {
  id: string;
  grantNumber: string | null;
  applicationNumber: string | null;
  patentId: string | null;
}

/** The caller's own asset, or null (another tenant's id is simply not found). */
export async function findAsset(tx: Tx, assetId: string): Promise<AssetRef | null> {
  const { rows } = await tx.execute<{
    id: string;
    grant_doc_num: string | null;
    appno_doc_num: string | null;
    patent_id: string | null;
  }>(sql`
    select id, grant_doc_num, appno_doc_num, patent_id from assets
     where organization_id = app_current_org() and id = ${assetId} and deleted_at is null`);
  const r = rows[0];
  return r
    ? { id: r.id, grantNumber: r.grant_doc_num, applicationNumber: r.appno_doc_num, patentId: r.patent_id }
    : null;
}

/** Bibliographic detail of an asset (product.md #18). The feeds carry no abstract yet, so it is null. */
export async function assetDetail(tx: Tx, asset: AssetRef) {
  const patent = asset.patentId
    ? await tx.execute<Record<string, string | number | null>>(sql`
          select title, appno_date, pgpub_doc_num, pgpub_date, grant_date, grant_kind, application_type, claims_count, maintenance_status
            from patents where id = ${asset.patentId}`)
    : { rows: [] as Record<string, string | number | null>[] };
  const titleRows = await tx.execute<{
    company_id: string;
    company_name: string;
    status: string;
    display_status: string;
    reason: string | null;
    break_rf_id: string | null;
    encumbered: boolean;
  }>(sql`
      select t.company_id, c.name as company_name, t.status, t.display_status, t.reason, t.break_rf_id, t.encumbered
        from asset_title_status t join companies c on c.organization_id = t.organization_id and c.id = t.company_id
       where t.organization_id = app_current_org() and t.asset_id = ${asset.id} order by ${STATUS_RANK}, c.name`);
  const inventorRows = await tx.execute<{
    name: string;
    city: string | null;
    state: string | null;
    country: string | null;
    doc_type: string;
  }>(sql`
      select distinct on (lower(name)) name, city, state, country, doc_type from inventors
       where (doc_type = 'grant' and doc_num = ${asset.grantNumber}) or (doc_type = 'application' and doc_num = ${asset.applicationNumber})
       order by lower(name), doc_type desc, sequence`);
  const cpc = await assetCpc(tx, asset);
  const counts = await tx.execute<{ transactions: number; maintenance_events: number }>(sql`
      select (select count(*)::int from ${ofAsset(asset)} tx) as transactions,
             (select count(*)::int from maintenance_fee_events m where m.grant_doc_num = ${asset.grantNumber}) as maintenance_events`);
  const columns = await assetColumns(tx, [asset.id]);
  const p = patent.rows[0] ?? {};
  const col = columns.get(asset.id);
  return {
    id: asset.id,
    grantNumber: asset.grantNumber,
    applicationNumber: asset.applicationNumber,
    publicationNumber: (p.pgpub_doc_num as string | null) ?? null,
    title: (p.title as string | null) ?? null,
    abstract: null,
    applicationType: (p.application_type as string | null) ?? null,
    applicationDate: isoDate(p.appno_date as string | null),
    publicationDate: isoDate(p.pgpub_date as string | null),
    grantDate: isoDate(p.grant_date as string | null),
    grantKind: (p.grant_kind as string | null) ?? null,
    claimsCount: (p.claims_count as number | null) ?? null,
    maintenanceStatus: (p.maintenance_status as string | null) ?? 'unknown',
    status: col?.status ?? null,
    currentAssignee: col?.currentAssignee ?? null,
    titleStatus: titleRows.rows.map((t) => ({
      companyId: t.company_id,
      companyName: t.company_name,
      status: t.status,
      displayStatus: t.display_status,
      reason: t.reason,
      breakRfId: t.break_rf_id,
      encumbered: t.encumbered,
    })),
    inventors: inventorRows.rows.map((i) => ({
      name: i.name,
      city: i.city,
      state: i.state,
      country: i.country,
    })),
    cpc,
    counts: {
      transactions: counts.rows[0]?.transactions ?? 0,
      maintenanceEvents: counts.rows[0]?.maintenance_events ?? 0,
      cpcCodes: cpc.length,
    },
    lastActivity: col?.lastActivity ?? null,
  };
}

/** CPC codes of an asset with their scheme titles (product.md #22); empty until the CPC feed has run. */
export async function assetCpc(tx: Tx, asset: AssetRef) {
  const { rows } = await tx.execute<{
    code: string;
    level: number | null;
    description: string | null;
    parent_code: string | null;
    position: string | null;
  }>(sql`
    select distinct on (pc.cpc_code) pc.cpc_code as code, s.level, s.title as description, s.parent_code, pc.symbol_position as position
      from patent_cpc_codes pc left join cpc_classifications s on s.cpc_code = pc.cpc_code
     where (pc.doc_type = 'grant' and pc.doc_num = ${asset.grantNumber}) or (pc.doc_type = 'application' and pc.doc_num = ${asset.applicationNumber})
     order by pc.cpc_code, pc.doc_type desc`);
  return rows.map((r) => ({
    code: r.code,
    level: r.level,
    description: r.description,
    parentCode: r.parent_code,
    first: r.position === 'F',
  }));
}

export interface AssignmentFilters extends PageRequest {
  conveyanceType?: string;
}

/** Transaction history of an asset, ascending by record date (product.md #19, B2.4). */
export async function assetAssignments(tx: Tx, asset: AssetRef, f: AssignmentFilters) {
  const order = f.order ?? 'asc';
  const keys = [sql`coalesce(x.record_dt, '0001-01-01'::date)`, sql`x.rf_id`];
  const typeFilter = f.conveyanceType
    ? sql`coalesce(ac.convey_ty, 'missing') = ${f.conveyanceType}`
    : sql`true`;
  const base = sql`
    select asg.rf_id, asg.record_dt, asg.exec_dt, asg.convey_text, ac.convey_ty, coalesce(ac.employer_assign, false) as employer_assign,
           ct.color, ct.display_name, asg.page_count
      from ${ofAsset(asset)} t
      join assignments asg on asg.rf_id = t.rf_id
      left join assignment_conveyances ac on ac.rf_id = asg.rf_id
      left join conveyance_types ct on ct.convey_ty = ac.convey_ty
     where ${typeFilter}`;
  const rows = await tx.execute<{
    rf_id: string;
    record_dt: string | null;
    exec_dt: string | null;
    convey_text: string | null;
    convey_ty: string | null;
    employer_assign: boolean;
    color: string | null;
    display_name: string | null;
    page_count: number | null;
  }>(sql`
      select * from (${base}) x where ${afterCursor(keys, f.cursor, order) ?? sql`true`} order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${base}) x`);
  const rfIds = rows.rows.slice(0, f.limit).map((r) => r.rf_id);
  const parties = await partiesOf(tx, rfIds);
  return toPage(
    rows.rows,
    f.limit,
    (r) => [isoDate(r.record_dt) ?? '0001-01-01', r.rf_id],
    (r) => ({
      rfId: r.rf_id,
      conveyanceType: r.convey_ty,
      conveyanceLabel: r.display_name,
      color: r.color,
      conveyanceText: r.convey_text,
      employerAssignment: r.employer_assign,
      recordDate: isoDate(r.record_dt),
      executionDate: isoDate(r.exec_dt),
      documentAvailable: (r.page_count ?? 0) > 0,
      assignors: parties.get(r.rf_id)?.assignors ?? [],
      assignees: parties.get(r.rf_id)?.assignees ?? [],
    }),
    counted.rows[0]?.total ?? 0,
  );
}

/** Assignor and assignee names of transactions, in recorded order. */
export async function partiesOf(tx: Tx, rfIds: string[]) {
  const out = new Map<
    string,
    {
      assignors: { name: string; entityId: string; executionDate: string | null }[];
      assignees: { name: string; entityId: string }[];
    }
  >();
  if (!rfIds.length) return out;
  const { rows } = await tx.execute<{
    rf_id: string;
    role: 'assignor' | 'assignee';
    name: string;
    entity_id: string;
    exec_dt: string | null;
  }>(sql`
    select rf_id, 'assignor' as role, or_name as name, entity_id, exec_dt, seq from assignors where rf_id = any(${arrayParam(rfIds)}::varchar[])
    union all
    select rf_id, 'assignee', ee_name, entity_id, null, seq from assignees where rf_id = any(${arrayParam(rfIds)}::varchar[])
    order by 1, 2, 6`);
  for (const r of rows) {
    const entry = out.get(r.rf_id) ?? { assignors: [], assignees: [] };
    if (r.role === 'assignor')
      entry.assignors.push({ name: r.name, entityId: r.entity_id, executionDate: isoDate(r.exec_dt) });
    else entry.assignees.push({ name: r.name, entityId: r.entity_id });
    out.set(r.rf_id, entry);
  }
  return out;
}

/** The stored diagram JSON of an asset (product.md #20), or null before the pipeline generated it. */
export async function assetDiagram(tx: Tx, assetId: string): Promise<unknown> {
  const { rows } = await tx.execute<{ diagram: unknown }>(sql`
    select diagram from asset_diagrams where organization_id = app_current_org() and asset_id = ${assetId}`);
  return rows[0]?.diagram ?? null;
}

/** EPO family members of an asset (product.md #21); empty until the family sweep has looked the patent up. */
export async function assetFamily(tx: Tx, asset: AssetRef) {
  if (!asset.patentId) return [];
  const { rows } = await tx.execute<{
    family_id: string;
    country: string;
    doc_number: string;
    kind_code: string;
    canonical_doc_num: string | null;
    appl_doc_number: string | null;
    asset_id: string | null;
  }>(sql`
    select m.family_id, m.country, m.doc_number, m.kind_code, m.canonical_doc_num, m.appl_doc_number,
           (select a.id from assets a where a.organization_id = app_current_org() and a.deleted_at is null and m.country = 'US'
               and (a.grant_doc_num = m.canonical_doc_num or a.appno_doc_num = m.canonical_doc_num) limit 1) as asset_id
      from patent_family_lookups l
      join patent_family_members m on m.family_id = any(l.family_ids)
     where l.patent_id = ${asset.patentId}
     order by m.country, m.doc_number, m.kind_code`);
  return rows.map((r) => ({
    familyId: r.family_id,
    country: r.country,
    publicationNumber: r.doc_number,
    kind: r.kind_code,
    applicationNumber: r.appl_doc_number,
    assetId: r.asset_id,
  }));
}

/** Maintenance-fee events of a granted asset (product.md #23); windows are 3.5, 7.5 and 11.5 years after grant. */
export async function assetMaintenance(tx: Tx, asset: AssetRef) {
  if (!asset.grantNumber) return [];
  const { rows } = await tx.execute<{
    event_code: string;
    event_date: string;
    description: string | null;
    grant_date: string | null;
    effect: string | null;
  }>(sql`
    select m.event_code, m.event_date, c.description, m.grant_date, c.effect
      from maintenance_fee_events m left join maintenance_fee_event_codes c on c.event_code = m.event_code
     where m.grant_doc_num = ${asset.grantNumber} order by m.event_date, m.event_code`);
  return rows.map((r) => ({
    eventCode: r.event_code,
    eventDate: isoDate(r.event_date)!,
    description: r.description,
    feeWindow: feeWindowOf(isoDate(r.grant_date), isoDate(r.event_date)!),
    status: maintenanceStatusOf(r.effect),
  }));
}

/** Chip status of a fee event from its curated effect (B2.7: paid, due, surcharge, expired). */
export function maintenanceStatusOf(
  effect: string | null,
): 'paid' | 'due' | 'surcharge' | 'expired' | 'other' {
  if (
    effect === 'payment_4' ||
    effect === 'payment_8' ||
    effect === 'payment_12' ||
    effect === 'reinstatement'
  )
    return 'paid';
  if (effect === 'surcharge') return 'surcharge';
  if (effect === 'expiry') return 'expired';
  if (effect === 'reminder') return 'due';
  return 'other';
}

/** The fee window (3.5 / 7.5 / 11.5 years after grant) an event date falls in, by the six-month grace period. */
export function feeWindowOf(grantDate: string | null, eventDate: string): '3.5' | '7.5' | '11.5' | null {
  if (!grantDate) return null;
  const years = (Date.parse(eventDate) - Date.parse(grantDate)) / (365.25 * 86_400_000);
  if (years < 0) return null;
  if (years < 5.5) return '3.5';
  if (years < 9.5) return '7.5';
  return '11.5';
}

/** The org's assets a transaction names (by grant or application number). */
const orgAssetsOf = (rfId: string) => sql`
  select a.id, a.grant_doc_num, a.appno_doc_num from assets a
   where a.organization_id = app_current_org() and a.deleted_at is null
     and (a.grant_doc_num in (select d.grant_doc_num from document_ids d where d.rf_id = ${rfId} and d.grant_doc_num is not null)
       or a.appno_doc_num in (select d.appno_doc_num from document_ids d where d.rf_id = ${rfId} and d.appno_doc_num is not null))`;

/**
 * The transaction panel (product.md #27, B5) of a transaction the org can see: one in its timeline or naming
 * one of its assets; null otherwise (another tenant's transaction is simply not found).
 */
export async function transactionPanel(tx: Tx, rfId: string) {
  const assignment = await tx.execute<{
    rf_id: string;
    reel_no: number;
    frame_no: number;
    convey_text: string | null;
    record_dt: string | null;
    exec_dt: string | null;
    page_count: number | null;
    cname: string | null;
    address: string | null;
    convey_ty: string | null;
    employer_assign: boolean | null;
    display_name: string | null;
    color: string | null;
    category: string | null;
  }>(sql`
      select asg.rf_id, asg.reel_no, asg.frame_no, asg.convey_text, asg.record_dt, asg.exec_dt, asg.page_count, asg.cname,
             nullif(concat_ws(', ', asg.caddress_1, asg.caddress_2, asg.caddress_3, asg.caddress_4), '') as address,
             ac.convey_ty, ac.employer_assign, ct.display_name, ct.color, ct.category
        from assignments asg
        left join assignment_conveyances ac on ac.rf_id = asg.rf_id
        left join conveyance_types ct on ct.convey_ty = coalesce(ac.convey_ty, 'missing')
       where asg.rf_id = ${rfId}`);
  const assets = await tx.execute<{ id: string; grant_doc_num: string | null; appno_doc_num: string | null }>(
    sql`${orgAssetsOf(rfId)} order by a.grant_doc_num nulls last, a.appno_doc_num`,
  );
  const inTimeline = await tx.execute(
    sql`select 1 from timeline_entries where organization_id = app_current_org() and rf_id = ${rfId} limit 1`,
  );
  const r = assignment.rows[0];
  if (!r || (!assets.rows.length && !inTimeline.rows.length)) return null;
  const parties = (await partiesOf(tx, [rfId])).get(rfId) ?? { assignors: [], assignees: [] };
  return {
    rfId: r.rf_id,
    reelNo: r.reel_no,
    frameNo: r.frame_no,
    conveyanceType: r.convey_ty ?? 'missing',
    conveyanceLabel: r.display_name,
    conveyanceText: r.convey_text,
    employerAssignment: r.employer_assign ?? false,
    category: r.category,
    color: r.color,
    recordDate: isoDate(r.record_dt),
    executionDate: isoDate(r.exec_dt),
    correspondent: r.cname ? { name: r.cname, address: r.address } : null,
    pageCount: r.page_count,
    documentAvailable: (r.page_count ?? 0) > 0,
    assignors: parties.assignors,
    assignees: parties.assignees,
    assets: assets.rows.map((a) => ({
      id: a.id,
      grantNumber: a.grant_doc_num,
      applicationNumber: a.appno_doc_num,
    })),
  };
}

/** Reel and frame of a transaction recorded against the asset, or null (the document link of #25). */
export async function assetTransactionDocument(tx: Tx, asset: AssetRef, rfId: string) {
  const { rows } = await tx.execute<{ reel_no: number; frame_no: number; page_count: number | null }>(sql`
    select asg.reel_no, asg.frame_no, asg.page_count from ${ofAsset(asset)} t join assignments asg on asg.rf_id = t.rf_id where t.rf_id = ${rfId}`);
  const r = rows[0];
  return r ? { reelNo: r.reel_no, frameNo: r.frame_no, pageCount: r.page_count } : null;
}
