import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';
import { numberCandidates } from './assets';
import { afterCursor, orderByKeys, toPage, type PageRequest, arrayParam } from './page';

export const SEARCH_FIELDS = ['number', 'title', 'assignee', 'inventor', 'conveyance'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface AssetSearch extends PageRequest {
  q: string;
  /** `entities.name_key` form of `q`, for trigram matching of party names. */
  nameKey: string;
  fields: SearchField[];
}

/** Most party-name matches followed into the portfolio; a common fragment must not fan out over millions of rows. */
const PARTY_MATCH_LIMIT = 25;

/**
 * Ranked search over the tenant's assets (product.md #17, data-model §6): exact numbers first, then title
 * full text, party names by trigram across their representative's variants, inventors, and conveyance text
 * within the tenant's own transactions. One row per asset, its best match.
 */
export async function searchAssets(tx: Tx, s: AssetSearch) {
  const like = `%${s.q.replace(/[%_\\]/g, '\\$&')}%`;
  const branches: SQL[] = [];
  const assetsOfTransactions = (rfIds: SQL) => sql`
    select a.id from assets a join document_ids d on d.grant_doc_num = a.grant_doc_num
     where a.organization_id = app_current_org() and a.deleted_at is null and d.rf_id in (${rfIds})
    union select a.id from assets a join document_ids d on d.appno_doc_num = a.appno_doc_num
     where a.organization_id = app_current_org() and a.deleted_at is null and d.rf_id in (${rfIds})`;
  if (s.fields.includes('number')) {
    const numbers = numberCandidates(s.q);
    if (numbers.length) {
      branches.push(sql`
        select a.id as asset_id, 'number' as match_field, coalesce(a.grant_doc_num, a.appno_doc_num) as snippet, 1.0::float8 as score
          from assets a left join patents p on p.id = a.patent_id
         where a.organization_id = app_current_org() and a.deleted_at is null
           and (a.grant_doc_num = any(${arrayParam(numbers)}::varchar[]) or a.appno_doc_num = any(${arrayParam(numbers)}::varchar[]) or p.pgpub_doc_num = any(${arrayParam(numbers)}::varchar[]))`);
    }
  }
  if (s.fields.includes('title')) {
    branches.push(sql`
      select a.id, 'title', ts_headline('english', p.title, q, 'StartSel=<mark>,StopSel=</mark>,HighlightAll=true'),
             (0.5 + 0.4 * least(ts_rank(p.title_tsv, q), 1))::float8
        from assets a join patents p on p.id = a.patent_id, websearch_to_tsquery('english', ${s.q}) q
       where a.organization_id = app_current_org() and a.deleted_at is null and p.title_tsv @@ q`);
  }
  if (s.fields.includes('assignee') && s.nameKey.length >= 3) {
    // Entities whose own name or whose representative's name is similar, then every variant of those groups.
    branches.push(sql`
      with matched as (
        select e.id, greatest(similarity(e.name_key, ${s.nameKey}), similarity(coalesce(r.name_key, ''), ${s.nameKey})) as sim,
               coalesce(r.representative_name, e.name) as label, e.representative_id
          from entities e left join representatives r on r.id = e.representative_id
         where e.name_key % ${s.nameKey} or e.name_key like ${like.toLowerCase()}
         order by sim desc limit ${PARTY_MATCH_LIMIT}),
      grp as (
        select m.id as entity_id, m.sim, m.label from matched m
        union select e.id, m.sim, m.label from matched m join entities e on e.representative_id = m.representative_id),
      party_tx as (
        select x.rf_id, max(g.sim) as sim, min(g.label) as label
          from grp g join (select rf_id, entity_id from assignors union all select rf_id, entity_id from assignees) x on x.entity_id = g.entity_id
         group by x.rf_id),
      -- document_ids is partitioned by rf_id: probing it by transaction touches one partition, unlike probing by number.
      hit as (
        select a.id, pt.label, pt.sim from party_tx pt join document_ids d on d.rf_id = pt.rf_id
          join assets a on a.grant_doc_num = d.grant_doc_num and a.organization_id = app_current_org() and a.deleted_at is null
        union all
        select a.id, pt.label, pt.sim from party_tx pt join document_ids d on d.rf_id = pt.rf_id
          join assets a on a.appno_doc_num = d.appno_doc_num and a.organization_id = app_current_org() and a.deleted_at is null)
      select hit.id, 'assignee', min(hit.label), (0.3 + 0.5 * max(hit.sim))::float8
        from hit
       group by hit.id`);
  }
  if (s.fields.includes('inventor')) {
    branches.push(sql`
      select a.id, 'inventor', min(i.name), 0.4::float8
        from assets a join inventors i
          on (i.doc_type = 'grant' and i.doc_num = a.grant_doc_num) or (i.doc_type = 'application' and i.doc_num = a.appno_doc_num)
       where a.organization_id = app_current_org() and a.deleted_at is null and i.name ilike ${like}
       group by a.id`);
  }
  if (s.fields.includes('conveyance')) {
    // Only the tenant's own transactions: never a scan of every conveyance text (data-model §6).
    branches.push(sql`
      select hit.id, 'conveyance', min(asg.convey_text), 0.3::float8
        from (select distinct rf_id from timeline_entries where organization_id = app_current_org()) own
        join assignments asg on asg.rf_id = own.rf_id and asg.convey_text ilike ${like}
        join lateral (${assetsOfTransactions(sql`asg.rf_id`)}) hit on true
       group by hit.id`);
  }
  if (!branches.length)
    return toPage(
      [],
      s.limit,
      () => [],
      (r: never) => r,
      0,
    );
  const order = s.order ?? 'desc';
  const keys = [sql`x.score`, sql`x.asset_id`];
  const matches = sql`
    select distinct on (m.asset_id) m.asset_id, m.match_field, m.snippet, round(m.score::numeric, 6)::float8 as score
      from (${sql.join(
        branches.map((branch) => sql`(${branch})`),
        sql` union all `,
      )}) m(asset_id, match_field, snippet, score)
     order by m.asset_id, m.score desc`;
  // The matches are computed once for both the page and the total.
  const { rows } = await tx.execute<{
    asset_id: string;
    match_field: string;
    snippet: string | null;
    score: number;
    grant_doc_num: string | null;
    appno_doc_num: string | null;
    title: string | null;
    total: number;
  }>(sql`
    with x as materialized (${matches})
    select x.*, a.grant_doc_num, a.appno_doc_num, p.title, (select count(*)::int from x) as total
      from x join assets a on a.id = x.asset_id left join patents p on p.id = a.patent_id
     where ${afterCursor(keys, s.cursor, order) ?? sql`true`}
     order by ${orderByKeys(keys, order)} limit ${s.limit + 1}`);
  const total =
    rows[0]?.total ??
    (await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${matches}) x`)).rows[0]
      ?.total ??
    0;
  return toPage(
    rows,
    s.limit,
    (r) => [r.score, r.asset_id],
    (r) => ({
      id: r.asset_id,
      numbers: { grant: r.grant_doc_num, application: r.appno_doc_num },
      title: r.title,
      matchField: r.match_field as SearchField,
      matchSnippet: r.snippet,
      score: r.score,
    }),
    total,
  );
}
