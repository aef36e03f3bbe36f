import type {
  AssetInput,
  AssigneeInput,
  AssignorInput,
  DocumentInput,
  TransactionInput,
} from '@patentrack/business-rules';
import { isConveyType, type ConveyType } from '@patentrack/shared';
import type { Pool, Queryable } from './db';
import { EFFECTIVE_REPRESENTATIVE, loadOrgScope, PARTY_KEY, type OrgScope } from './scope';

export interface PipelineAssignor extends AssignorInput {
  entityId: string;
  originalName: string;
}
export interface PipelineAssignee extends AssigneeInput {
  entityId: string;
  originalName: string;
}

/** A transaction as the rules see it, with its entity-resolved parties and document rows. */
export interface PipelineTransaction extends TransactionInput {
  reelNo: number;
  frameNo: number;
  assignors: PipelineAssignor[];
  assignees: PipelineAssignee[];
  documents: DocumentInput[];
  keywordConveyType: ConveyType | null;
}

export interface OrgAsset extends AssetInput {
  patentId: string | null;
  /** Companies the asset belongs to (not excluded), ascending. */
  companyIds: string[];
}

/** The organization's assets with their companies (`company_assets`, exclusions removed). */
export async function loadOrgAssets(db: Queryable, orgId: string): Promise<OrgAsset[]> {
  const { rows } = await db.query<{
    id: string;
    appno_doc_num: string | null;
    grant_doc_num: string | null;
    appno_date: string | null;
    grant_date: string | null;
    layout_id: number | null;
    title: string | null;
    patent_id: string | null;
    company_ids: string[];
  }>(
    `with members as (
       select asset_id, array_agg(company_id order by company_id) as company_ids
         from company_assets where organization_id = $1 and not excluded group by asset_id
     )
     select a.id, a.appno_doc_num, a.grant_doc_num, a.appno_date::text, p.grant_date::text, a.layout_id, p.title,
            a.patent_id, m.company_ids
       from members m
       join assets a on a.organization_id = $1 and a.id = m.asset_id and a.deleted_at is null
       left join patents p on p.id = a.patent_id
      order by a.id`,
    [orgId],
  );
  return rows.map((r) => ({
    assetId: r.id,
    appnoDocNum: r.appno_doc_num,
    grantDocNum: r.grant_doc_num,
    appnoDate: r.appno_date,
    grantDate: r.grant_date,
    layoutId: r.layout_id,
    title: r.title,
    patentId: r.patent_id,
    companyIds: r.company_ids,
  }));
}

/**
 * `T(a)` for every asset: transactions with a document row whose application number equals the asset's
 * (its grant number when it has no application number). One statement for all assets.
 */
export async function loadAssetTransactionIds(
  db: Queryable,
  assets: readonly OrgAsset[],
): Promise<Map<string, string[]>> {
  const byAppno = new Map<string, string>();
  const byGrant = new Map<string, string>();
  for (const asset of assets) {
    if (asset.appnoDocNum) byAppno.set(asset.appnoDocNum, asset.assetId);
    else if (asset.grantDocNum) byGrant.set(asset.grantDocNum, asset.assetId);
  }
  const { rows } = await db.query<{
    rf_id: string;
    appno_doc_num: string | null;
    grant_doc_num: string | null;
  }>(
    `select distinct rf_id, appno_doc_num, null::varchar as grant_doc_num from document_ids where appno_doc_num in (select unnest($1::varchar[]))
     union all
     select distinct rf_id, null, grant_doc_num from document_ids where grant_doc_num in (select unnest($2::varchar[]))`,
    [[...byAppno.keys()], [...byGrant.keys()]],
  );
  const result = new Map<string, string[]>(assets.map((a) => [a.assetId, []]));
  for (const row of rows) {
    const assetId = row.appno_doc_num ? byAppno.get(row.appno_doc_num) : byGrant.get(row.grant_doc_num ?? '');
    if (assetId) result.get(assetId)!.push(row.rf_id);
  }
  for (const [assetId, rfIds] of result) result.set(assetId, [...new Set(rfIds)].sort());
  return result;
}

/**
 * Transactions where one of the company's entities is a party (§3 tree and §5.4 timeline input), optionally
 * only among `onlyRfIds`.
 */
export async function loadCompanyTransactionIds(
  db: Queryable,
  scope: OrgScope,
  onlyRfIds?: readonly string[],
): Promise<Map<string, string[]>> {
  const only = onlyRfIds ? 'and x.rf_id = any($3::varchar[])' : '';
  const { rows } = await db.query<{ company_id: string; rf_id: string }>(
    `with ce as (select * from unnest($1::uuid[], $2::uuid[]) as x(company_id, entity_id))
     select distinct ce.company_id, x.rf_id from ce join assignors x on x.entity_id = ce.entity_id ${only}
     union
     select distinct ce.company_id, x.rf_id from ce join assignees x on x.entity_id = ce.entity_id ${only}`,
    [
      scope.companies.flatMap((c) => c.entityIds.map(() => c.id)),
      scope.companies.flatMap((c) => c.entityIds),
      ...(onlyRfIds ? [onlyRfIds] : []),
    ],
  );
  const result = new Map<string, string[]>(scope.companies.map((c) => [c.id, []]));
  for (const row of rows) result.get(row.company_id)?.push(row.rf_id);
  for (const [companyId, rfIds] of result) result.set(companyId, rfIds.sort());
  return result;
}

/**
 * Loads transactions with their effective classification, parties (party keys under the org's entity
 * overlay, representative names) and document rows: four set-based statements whatever the count, the
 * last three in parallel on the pool.
 */
export async function loadTransactions(
  db: Pool,
  orgId: string,
  rfIds: readonly string[],
): Promise<Map<string, PipelineTransaction>> {
  const ids = [...new Set(rfIds)];
  const result = new Map<string, PipelineTransaction>();
  if (ids.length === 0) return result;
  const { rows: headers } = await db.query<{
    rf_id: string;
    reel_no: number;
    frame_no: number;
    convey_text: string | null;
    record_dt: string | null;
    page_count: number | null;
    cname: string | null;
    address: (string | null)[];
    convey_ty: string | null;
    keyword_convey_ty: string | null;
    employer_assign: boolean | null;
  }>(
    `select s.rf_id, s.reel_no, s.frame_no, s.convey_text, s.record_dt::text, s.page_count, s.cname,
            array[s.caddress_1, s.caddress_2, s.caddress_3, s.caddress_4] as address,
            c.convey_ty, c.keyword_convey_ty, c.employer_assign
       from assignments s
       left join assignment_conveyances c on c.rf_id = s.rf_id
      where s.rf_id in (select unnest($1::varchar[])) and s.status = 'active'`,
    [ids],
  );
  for (const h of headers) {
    result.set(h.rf_id, {
      rfId: h.rf_id,
      reelNo: h.reel_no,
      frameNo: h.frame_no,
      conveyText: h.convey_text,
      recordDate: h.record_dt,
      conveyType: h.convey_ty && isConveyType(h.convey_ty) ? h.convey_ty : 'missing',
      keywordConveyType:
        h.keyword_convey_ty && isConveyType(h.keyword_convey_ty) ? h.keyword_convey_ty : null,
      employerAssign: h.employer_assign ?? false,
      assignors: [],
      assignees: [],
      documents: [],
      correspondent: { name: h.cname, address: h.address.filter((line): line is string => !!line) },
      pageCount: h.page_count,
    });
  }
  const party = (table: 'assignors' | 'assignees', nameColumn: string, extra: string) =>
    db.query<{
      rf_id: string;
      entity_id: string;
      original_name: string;
      party_key: string;
      name: string;
      extra: string | null;
    }>(
      `select x.rf_id, x.entity_id, x.${nameColumn} as original_name, ${PARTY_KEY} as party_key,
              coalesce(r.representative_name, e.name) as name, ${extra} as extra
         from ${table} x
         join entities e on e.id = x.entity_id
         left join org_entity_overrides o on o.organization_id = $2 and o.entity_id = e.id
         left join representatives r on r.id = ${EFFECTIVE_REPRESENTATIVE}
        where x.rf_id in (select unnest($1::varchar[]))
        order by x.rf_id, x.seq`,
      [ids, orgId],
    );
  const [assignors, assignees, documents] = await Promise.all([
    party('assignors', 'or_name', 'x.exec_dt::text'),
    party('assignees', 'ee_name', 'x.ee_country'),
    db.query<{
      rf_id: string;
      appno_doc_num: string | null;
      grant_doc_num: string | null;
      appno_date: string | null;
    }>(
      `select rf_id, appno_doc_num, grant_doc_num, appno_date::text from document_ids
        where rf_id in (select unnest($1::varchar[])) order by rf_id, property_seq`,
      [ids],
    ),
  ]);
  for (const row of assignors.rows) {
    result.get(row.rf_id)?.assignors.push({
      key: row.party_key,
      name: row.name,
      entityId: row.entity_id,
      originalName: row.original_name,
      execDate: row.extra,
    });
  }
  for (const row of assignees.rows) {
    result.get(row.rf_id)?.assignees.push({
      key: row.party_key,
      name: row.name,
      entityId: row.entity_id,
      originalName: row.original_name,
      country: row.extra,
    });
  }
  for (const row of documents.rows) {
    result.get(row.rf_id)?.documents.push({
      appnoDocNum: row.appno_doc_num,
      grantDocNum: row.grant_doc_num,
      appnoDate: row.appno_date,
    });
  }
  return result;
}

/** Everything the org-scoped steps read: companies with `K(c)`, assets, `T(a)` and company transactions. */
export interface OrgInputs {
  scope: OrgScope;
  assets: OrgAsset[];
  assetRfIds: Map<string, string[]>;
  companyRfIds: Map<string, string[]>;
  /** Every transaction of the organization scope (§5.1): ∪T(a) plus those where a company is a party. */
  rfIds: string[];
}

export async function loadOrgInputs(db: Queryable, orgId: string, knownScope?: OrgScope): Promise<OrgInputs> {
  const scope = knownScope ?? (await loadOrgScope(db, orgId));
  const assets = await loadOrgAssets(db, orgId);
  // Sequential: `db` may be one client inside a transaction.
  const assetRfIds = await loadAssetTransactionIds(db, assets);
  const companyRfIds = await loadCompanyTransactionIds(db, scope);
  return { scope, assets, assetRfIds, companyRfIds, rfIds: scopeTransactionIds(assetRfIds, companyRfIds) };
}

/** ∪T(a) plus the companies' transactions, ascending. */
export function scopeTransactionIds(
  assetRfIds: ReadonlyMap<string, readonly string[]>,
  companyRfIds: ReadonlyMap<string, readonly string[]>,
): string[] {
  const rfIds = new Set<string>();
  for (const ids of assetRfIds.values()) for (const id of ids) rfIds.add(id);
  for (const ids of companyRfIds.values()) for (const id of ids) rfIds.add(id);
  return [...rfIds].sort();
}
