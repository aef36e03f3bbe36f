import { inOrgTransaction, type Pool } from './db';
import { refreshStatisticsAfterWrite } from './replace-scope';
import { loadOrgScope } from './scope';

export interface MembershipCounts {
  companies: number;
  candidates: number;
  assetsInserted: number;
  assetsUpdated: number;
  membershipsAdded: number;
  membershipsRemoved: number;
}

/** Application and grant numbers an incremental refresh is limited to. */
export interface TouchedNumbers {
  appnos: string[];
  grants: string[];
}

/**
 * Refreshes which assets belong to which company (business-rules D-27, engineering.md §8): every patent or
 * application of a transaction where the company is an assignee of a link type, plus every patent whose face
 * assignee is the company. Only `auto` rows of `company_assets` are replaced; manual additions and exclusions
 * survive. Asset rows are created or completed (grant number, filing date, patent link), never deleted.
 * With `touched`, only those numbers are reconsidered (an incremental run); everything else is left as it is.
 */
export async function refreshAssetMembership(
  pool: Pool,
  orgId: string,
  touched?: TouchedNumbers,
): Promise<MembershipCounts> {
  return inOrgTransaction(pool, orgId, async (client) => {
    const scope = await loadOrgScope(client, orgId);
    const companyIds = scope.companies.flatMap((c) => c.entityIds.map(() => c.id));
    const entityIds = scope.companies.flatMap((c) => c.entityIds);
    // Membership of a number depends only on the transactions and the patent record naming it.
    const onlyTouched = (alias: string, firstParam: number) =>
      touched
        ? `and (${alias}.appno_doc_num = any($${firstParam}::varchar[]) or ${alias}.grant_doc_num = any($${firstParam + 1}::varchar[]))`
        : '';
    const touchedParams = touched ? [touched.appnos, touched.grants] : [];
    // A touched refresh starts from the few document rows naming the numbers, analyzed, so that the planner
    // does not drive the join from the whole conveyance table.
    if (touched) {
      await client.query(
        `create temp table membership_documents on commit drop as
         select * from document_ids d where true ${onlyTouched('d', 1)}`,
        touchedParams,
      );
      await client.query('analyze membership_documents');
    }
    await client.query(
      `create temp table membership_candidates on commit drop as
       with company_entities as (
         select * from unnest($1::uuid[], $2::uuid[]) as x(company_id, entity_id)
       ),
       documents as (
         select ce.company_id, d.appno_doc_num, d.grant_doc_num, d.appno_date
           from company_entities ce
           join assignees ee on ee.entity_id = ce.entity_id
           join assignment_conveyances ac on ac.rf_id = ee.rf_id
                                          and (ac.employer_assign or ac.convey_ty in (select unnest($3::text[])))
           join ${touched ? 'membership_documents' : 'document_ids'} d on d.rf_id = ee.rf_id
          where (d.appno_doc_num is not null or d.grant_doc_num is not null) ${onlyTouched('d', 4)}
         union
         select ce.company_id, p.appno_doc_num, p.grant_doc_num, p.appno_date
           from company_entities ce
           join patents p on p.assignee_entity_ids @> array[ce.entity_id]
          where true ${onlyTouched('p', 4)}
       ),
       resolved as (
         select d.company_id,
                coalesce(pa.appno_doc_num, pg.appno_doc_num, d.appno_doc_num) as appno_doc_num,
                coalesce(pa.grant_doc_num, pg.grant_doc_num, d.grant_doc_num) as grant_doc_num,
                coalesce(pa.appno_date, pg.appno_date, d.appno_date) as appno_date,
                coalesce(pa.id, pg.id) as patent_id
           from documents d
           left join patents pa on pa.appno_doc_num = d.appno_doc_num
           left join patents pg on pa.id is null and pg.grant_doc_num = d.grant_doc_num
       )
       select company_id, appno_doc_num, max(grant_doc_num) as grant_doc_num, max(appno_date) as appno_date,
              (array_agg(patent_id order by patent_id) filter (where patent_id is not null))[1] as patent_id
         from resolved where appno_doc_num is not null
        group by company_id, appno_doc_num
       union all
       select company_id, null, grant_doc_num, max(appno_date), (array_agg(patent_id order by patent_id) filter (where patent_id is not null))[1]
         from resolved r
        where appno_doc_num is null
          and not exists (select 1 from resolved x where x.appno_doc_num is not null and x.grant_doc_num = r.grant_doc_num)
        group by company_id, grant_doc_num`,
      [companyIds, entityIds, scope.config.chain.linkTypes, ...touchedParams],
    );
    // The existing asset of each candidate: by application number, else by grant number when either side
    // lacks the application number (hash joins, never a cross join).
    const existingAsset = (alias: string) => `
         left join assets x on x.organization_id = $1 and x.deleted_at is null and x.appno_doc_num = ${alias}.appno_doc_num
         left join assets y on x.id is null and y.organization_id = $1 and y.deleted_at is null
                           and y.grant_doc_num = ${alias}.grant_doc_num and (y.appno_doc_num is null or ${alias}.appno_doc_num is null)`;
    await client.query(`analyze membership_candidates`);
    await client.query(
      `create temp table membership_keyed on commit drop as
       select w.*, coalesce(x.id, y.id) as asset_id from membership_candidates w ${existingAsset('w')}`,
      [orgId],
    );
    await client.query(`analyze membership_keyed`);
    const updated = await client.query(
      `with wanted as (
         select distinct on (asset_id) asset_id, appno_doc_num, grant_doc_num, appno_date, patent_id
           from membership_keyed where asset_id is not null
          order by asset_id, grant_doc_num nulls last
       )
       update assets a
          set appno_doc_num = coalesce(a.appno_doc_num, w.appno_doc_num),
              grant_doc_num = coalesce(w.grant_doc_num, a.grant_doc_num),
              appno_date = coalesce(w.appno_date, a.appno_date),
              patent_id = coalesce(w.patent_id, a.patent_id),
              layout_id = case when coalesce(w.grant_doc_num, a.grant_doc_num) is null then 14 else 15 end
         from wanted w
        where a.organization_id = $1 and a.id = w.asset_id
          and (a.appno_doc_num is distinct from coalesce(a.appno_doc_num, w.appno_doc_num)
               or a.grant_doc_num is distinct from coalesce(w.grant_doc_num, a.grant_doc_num)
               or a.appno_date is distinct from coalesce(w.appno_date, a.appno_date)
               or a.patent_id is distinct from coalesce(w.patent_id, a.patent_id))`,
      [orgId],
    );
    const inserted = await client.query(
      `insert into assets (organization_id, patent_id, appno_doc_num, grant_doc_num, appno_date, layout_id)
       select distinct on (coalesce(w.appno_doc_num, w.grant_doc_num))
              $1::uuid, w.patent_id, w.appno_doc_num, w.grant_doc_num, w.appno_date,
              case when w.grant_doc_num is null then 14 else 15 end
         from membership_keyed w
        where w.asset_id is null
        order by coalesce(w.appno_doc_num, w.grant_doc_num), w.grant_doc_num nulls last`,
      [orgId],
    );
    await client.query(
      `create temp table membership_wanted on commit drop as
       select distinct w.company_id, coalesce(w.asset_id, x.id, y.id) as asset_id from membership_keyed w ${existingAsset('w')}`,
      [orgId],
    );
    await client.query(`analyze membership_wanted`);
    const added = await client.query(
      `insert into company_assets (organization_id, company_id, asset_id, source, excluded)
       select $1::uuid, company_id, asset_id, 'auto', false from membership_wanted
       on conflict (organization_id, company_id, asset_id) do nothing`,
      [orgId],
    );
    const removed = await client.query(
      `delete from company_assets ca
        where ca.organization_id = $1 and ca.source = 'auto' and not ca.excluded
          and ca.company_id::text || ca.asset_id::text not in (select company_id::text || asset_id::text from membership_wanted)
          ${touched ? `and ca.asset_id in (select a.id from assets a where a.organization_id = $1 ${onlyTouched('a', 2)})` : ''}`,
      [orgId, ...touchedParams],
    );
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from membership_candidates`,
    );
    // Large membership changes would leave the planner with stale row estimates for the steps that follow.
    await refreshStatisticsAfterWrite(client, 'assets', (inserted.rowCount ?? 0) + (updated.rowCount ?? 0));
    await refreshStatisticsAfterWrite(
      client,
      'company_assets',
      (added.rowCount ?? 0) + (removed.rowCount ?? 0),
    );
    return {
      companies: scope.companies.length,
      candidates: rows[0]?.n ?? 0,
      assetsInserted: inserted.rowCount ?? 0,
      assetsUpdated: updated.rowCount ?? 0,
      membershipsAdded: added.rowCount ?? 0,
      membershipsRemoved: removed.rowCount ?? 0,
    };
  });
}
