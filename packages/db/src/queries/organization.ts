import { sql } from 'drizzle-orm';
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

/** Org detail (product.md #38) of the org in the tenant context; null when not visible. */
export async function organizationDetail(tx: Tx) {
  const { rows } = await tx.execute<{
    id: string;
    name: string;
    status: string;
    logo_object_key: string | null;
    domain: string | null;
    environment_mode: string | null;
    ui_settings: Record<string, unknown> | null;
    created_at: string;
    assets: number;
    companies: number;
    users: number;
    integrations: string[] | null;
  }>(sql`
    select o.id, o.name, o.status, o.logo_object_key, o.domain, cc.environment_mode, cc.ui_settings, o.created_at,
           (select count(*)::int from assets a where a.organization_id = o.id and a.deleted_at is null) as assets,
           (select count(*)::int from companies c where c.organization_id = o.id and c.deleted_at is null) as companies,
           (select count(*)::int from users u where u.organization_id = o.id and u.deleted_at is null) as users,
           (select array_agg(i.provider::text) from integrations i where i.organization_id = o.id) as integrations
      from organizations o left join customer_configurations cc on cc.organization_id = o.id
     where o.id = app_current_org() and o.deleted_at is null`);
  const r = rows[0];
  if (!r) return null;
  const connected = new Set(r.integrations ?? []);
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    environmentMode: r.environment_mode ?? 'PRO',
    domain: r.domain,
    logoUrl: r.logo_object_key ? `/api/v1/organizations/${r.id}/logo` : null,
    settings: {
      darkMode: typeof r.ui_settings?.darkMode === 'boolean' ? r.ui_settings.darkMode : null,
      slackConnected: connected.has('slack'),
      teamsConnected: connected.has('teams'),
      googleDriveConnected: connected.has('google_drive'),
    },
    counts: { assets: r.assets, companies: r.companies, users: r.users },
    createdAt: isoInstant(r.created_at)!,
  };
}

/** Current or last pipeline run with its steps (product.md #40). */
export async function pipelineStatus(tx: Tx) {
  const { rows } = await tx.execute<{
    id: string;
    status: string;
    job_type: string;
    trigger: string;
    start_from_step: string;
    current_step: number;
    started_at: string | null;
    completed_at: string | null;
    error_message: string | null;
    created_at: string;
  }>(sql`
    select id, status, job_type, trigger, start_from_step, current_step, started_at, completed_at, error_message, created_at
      from processing_jobs where organization_id = app_current_org()
     order by (status in ('running', 'pending')) desc, created_at desc limit 1`);
  const last = await tx.execute<{ completed_at: string | null }>(sql`
    select max(completed_at) as completed_at from processing_jobs where organization_id = app_current_org() and status = 'success'`);
  const run = rows[0];
  if (!run) return { status: 'idle', run: null, lastCompletedAt: isoInstant(last.rows[0]?.completed_at) };
  const steps = await tx.execute<{
    step_name: string;
    step_number: number;
    status: string;
    error_message: string | null;
    started_at: string | null;
    completed_at: string | null;
    records_processed: number;
  }>(sql`
    select step_name, step_number, status, error_message, started_at, completed_at, records_processed
      from processing_steps where organization_id = app_current_org() and processing_job_id = ${run.id} order by step_number`);
  const done = steps.rows.filter((s) => s.status === 'success' || s.status === 'skipped').length;
  return {
    status: run.status,
    run: {
      id: run.id,
      jobType: run.job_type,
      trigger: run.trigger,
      startFrom: run.start_from_step,
      progress: steps.rows.length ? Math.round((done / steps.rows.length) * 1000) / 1000 : 0,
      startedAt: isoInstant(run.started_at),
      completedAt: isoInstant(run.completed_at),
      error: run.error_message,
      steps: steps.rows.map((s) => ({
        name: s.step_name,
        number: s.step_number,
        status: s.status,
        error: s.error_message,
        recordsProcessed: s.records_processed,
        startedAt: isoInstant(s.started_at),
        completedAt: isoInstant(s.completed_at),
      })),
    },
    lastCompletedAt: isoInstant(last.rows[0]?.completed_at),
  };
}

export interface CompanyFilters extends PageRequest {
  search?: string;
}

/** Monitored companies (product.md #48) with their asset counts (D-27 membership). */
export async function listCompanies(tx: Tx, f: CompanyFilters) {
  const order = f.order ?? 'asc';
  const where = allOf([
    sql`c.organization_id = app_current_org()`,
    sql`c.deleted_at is null`,
    f.search
      ? sql`lower(c.name) like ${`%${f.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`
      : undefined,
  ]);
  const keys = [sql`lower(c.name)`, sql`c.id`];
  const rows = await tx.execute<{
    id: string;
    organization_id: string;
    name: string;
    domain: string | null;
    logo_object_key: string | null;
    representative_id: string | null;
    enrichment_status: string;
    asset_count: number;
    created_at: string;
  }>(sql`
      select c.id, c.organization_id, c.name, c.domain, c.logo_object_key, c.representative_id, c.enrichment_status, c.created_at,
             (select count(*)::int from company_assets ca where ca.organization_id = c.organization_id and ca.company_id = c.id and not ca.excluded) as asset_count
        from companies c where ${where} and ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from companies c where ${where}`,
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [r.name.toLowerCase(), r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      domain: r.domain,
      logoUrl: r.logo_object_key ? `/api/v1/organizations/${r.organization_id}/companies/${r.id}/logo` : null,
      assetCount: r.asset_count,
      entityId: r.representative_id,
      enrichmentStatus: r.enrichment_status,
      createdAt: isoInstant(r.created_at)!,
    }),
    counted.rows[0]?.total ?? 0,
  );
}

/** Users of the org (product.md #51); `pending` is an invited user who has not accepted yet. */
export async function listUsers(tx: Tx) {
  const { rows } = await tx.execute<{
    id: string;
    email: string;
    first_name: string | null;
    last_name: string | null;
    role: string;
    status: string;
    mfa_enabled: boolean;
    last_login_at: string | null;
  }>(sql`
    select id, email, first_name, last_name, role, status, mfa_enabled, last_login_at from users
     where organization_id = app_current_org() and deleted_at is null order by lower(email)`);
  return { data: rows.map(userItem), total: rows.length };
}

export function userItem(u: {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role: string;
  status: string;
  mfa_enabled: boolean;
  last_login_at: string | Date | null;
}) {
  return {
    id: u.id,
    email: u.email,
    name: [u.first_name, u.last_name].filter(Boolean).join(' ') || null,
    role: u.role,
    status: u.status,
    mfaEnabled: u.mfa_enabled,
    lastLoginAt: isoInstant(u.last_login_at),
  };
}

/**
 * The org's entity groups (product.md #41): the parties of its timeline grouped by their effective
 * representative — the org's own override (merge / split, engineering.md §8) before the global grouping.
 */
const EFFECTIVE_GROUP = sql`case when o.entity_id is not null then coalesce(o.representative_id, e.id) else coalesce(e.representative_id, e.id) end`;

const orgParties = sql`
  select ${EFFECTIVE_GROUP} as group_id, e.id as entity_id, e.name, e.instances, te.rf_id, te.record_dt, o.canonical_name as pinned_name
    from timeline_entries te
    join entities e on e.id = te.entity_id
    left join org_entity_overrides o on o.organization_id = te.organization_id and o.entity_id = e.id
   where te.organization_id = app_current_org()`;

export interface EntityFilters extends PageRequest {
  search?: string;
}

export async function listEntities(tx: Tx, f: EntityFilters) {
  const order = f.order ?? 'asc';
  const groups = sql`
    select p.group_id, coalesce(max(p.pinned_name), r.representative_name, min(p.name)) as canonical_name,
           count(distinct p.entity_id)::int as alias_count, max(p.record_dt) as last_activity, array_agg(distinct p.rf_id) as rf_ids
      from (${orgParties}) p left join representatives r on r.id = p.group_id
     group by p.group_id, r.representative_name`;
  const search = f.search
    ? sql`lower(g.canonical_name) like ${`%${f.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`
    : sql`true`;
  const keys = [sql`lower(g.canonical_name)`, sql`g.group_id::text`];
  const rows = await tx.execute<{
    group_id: string;
    canonical_name: string;
    alias_count: number;
    last_activity: string | null;
    asset_count: number;
  }>(sql`
      select g.group_id, g.canonical_name, g.alias_count, g.last_activity,
             (select count(distinct a.id)::int from document_ids d join assets a on a.organization_id = app_current_org() and a.deleted_at is null
                and (a.grant_doc_num = d.grant_doc_num or a.appno_doc_num = d.appno_doc_num) where d.rf_id = any(g.rf_ids)) as asset_count
        from (${groups}) g where ${search} and ${afterCursor(keys, f.cursor, order) ?? sql`true`}
       order by ${orderByKeys(keys, order)} limit ${f.limit + 1}`);
  const counted = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from (${groups}) g where ${search}`,
  );
  return toPage(
    rows.rows,
    f.limit,
    (r) => [r.canonical_name.toLowerCase(), r.group_id],
    (r) => ({
      id: r.group_id,
      canonicalName: r.canonical_name,
      aliasCount: r.alias_count,
      assetCount: r.asset_count,
      lastActivityDate: isoDate(r.last_activity),
    }),
    counted.rows[0]?.total ?? 0,
  );
}

/** One entity group of the org (product.md #42) with aliases by occurrences and its assets; null if not the org's. */
export async function entityDetail(tx: Tx, groupId: string) {
  const { rows: aliases } = await tx.execute<{
    entity_id: string;
    name: string;
    occurrences: number;
    canonical_name: string;
    distance: number;
  }>(sql`
    select q.*, levenshtein(lower(left(q.name, 255)), lower(left(q.canonical_name, 255))) as distance from (
      select p.entity_id, p.name, count(distinct p.rf_id)::int as occurrences,
             coalesce(max(max(p.pinned_name)) over (), (select representative_name from representatives where id = ${groupId}), min(p.name) over ()) as canonical_name
        from (${orgParties}) p where p.group_id = ${groupId}
       group by p.entity_id, p.name) q
     order by q.occurrences desc, q.name`);
  if (!aliases.length) return null;
  const canonicalName = aliases[0]!.canonical_name;
  const entityIds = aliases.map((a) => a.entity_id);
  const { rows: assetRows } = await tx.execute<{
    id: string;
    grant_doc_num: string | null;
    appno_doc_num: string | null;
    as_assignor: boolean;
    as_assignee: boolean;
  }>(sql`
    select a.id, a.grant_doc_num, a.appno_doc_num,
           bool_or(x.role = 'assignor') as as_assignor, bool_or(x.role = 'assignee') as as_assignee
      from (select rf_id, 'assignor' as role from assignors where entity_id = any(${arrayParam(entityIds)}::uuid[])
            union all select rf_id, 'assignee' from assignees where entity_id = any(${arrayParam(entityIds)}::uuid[])) x
      join document_ids d on d.rf_id = x.rf_id
      join assets a on a.organization_id = app_current_org() and a.deleted_at is null and (a.grant_doc_num = d.grant_doc_num or a.appno_doc_num = d.appno_doc_num)
     group by a.id, a.grant_doc_num, a.appno_doc_num order by a.grant_doc_num nulls last, a.appno_doc_num`);
  return {
    id: groupId,
    canonicalName,
    aliases: aliases.map((a) => ({
      entityId: a.entity_id,
      name: a.name,
      occurrenceCount: a.occurrences,
      levenshteinDistance: a.distance,
    })),
    assets: assetRows.map((a) => ({
      id: a.id,
      grantNumber: a.grant_doc_num,
      applicationNumber: a.appno_doc_num,
      relationship: a.as_assignor && a.as_assignee ? 'both' : a.as_assignor ? 'assignor' : 'assignee',
    })),
  };
}

/**
 * The members of one of the org's entity groups as the org sees it (product.md #45–#47): entity id, name,
 * occurrences in the org's transactions, and the org's pinned name of the group if any. Empty if not the org's.
 */
export async function entityGroupMembers(tx: Tx, groupId: string) {
  const { rows } = await tx.execute<{
    entity_id: string;
    name: string;
    name_key: string;
    occurrences: number;
    pinned_name: string | null;
  }>(sql`
    select p.entity_id, p.name, e.name_key, count(distinct p.rf_id)::int as occurrences, max(p.pinned_name) as pinned_name
      from (${orgParties}) p join entities e on e.id = p.entity_id
     where p.group_id = ${groupId}
     group by p.entity_id, p.name, e.name_key order by occurrences desc, p.name`);
  return rows.map((r) => ({
    entityId: r.entity_id,
    name: r.name,
    nameKey: r.name_key,
    occurrences: r.occurrences,
    pinnedName: r.pinned_name,
  }));
}

/** Every party of the org's transactions with its current group (the normalization preview's input, product.md #43). */
export async function orgPartyGroups(tx: Tx) {
  const { rows } = await tx.execute<{
    entity_id: string;
    name: string;
    instances: number;
    group_id: string;
    pinned_name: string | null;
  }>(sql`
    select p.entity_id, p.name, count(distinct p.rf_id)::int as instances, p.group_id, max(p.pinned_name) as pinned_name
      from (${orgParties}) p group by p.entity_id, p.name, p.group_id order by p.entity_id`);
  return rows.map((r) => ({
    entityId: r.entity_id,
    name: r.name,
    instances: r.instances,
    groupId: r.group_id,
    pinnedName: r.pinned_name,
  }));
}
