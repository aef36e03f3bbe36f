import { parseRulesConfig, type RulesConfig } from '@patentrack/shared';
import type { Queryable } from './db';

/**
 * Party key `pk(p)` of an entity row `e` under the organization's overlay `o` (org_entity_overrides,
 * engineering.md §8): an override row replaces the global representative (NULL there = split out).
 */
export const EFFECTIVE_REPRESENTATIVE = `case when o.entity_id is not null then o.representative_id else e.representative_id end`;
export const PARTY_KEY = `coalesce(${EFFECTIVE_REPRESENTATIVE}, e.id)`;

export interface CompanyScope {
  id: string;
  name: string;
  nameKey: string;
  representativeId: string | null;
  parentId: string | null;
  /** `K(c)`: party keys of the company and its child companies. */
  partyKeys: string[];
  /** Every entity whose party key is in `K(c)`: how the company's transactions are found. */
  entityIds: string[];
  /** Names of the company and its children, for the name fallback of "c matches p". */
  names: string[];
}

export interface OrgScope {
  orgId: string;
  config: RulesConfig;
  /** Companies by ascending id (business-rules §5.0). */
  companies: CompanyScope[];
}

/** The organization's rules configuration (§0.2): filter columns plus the `rules_config` document. */
export async function loadRulesConfig(db: Queryable, orgId: string): Promise<RulesConfig> {
  const { rows } = await db.query<{
    app_year_after: number;
    layout_id: number | null;
    rules: unknown;
  }>(
    `select filter_app_year_after as app_year_after, filter_layout_id as layout_id, rules_config as rules
       from customer_configurations where organization_id = $1`,
    [orgId],
  );
  const row = rows[0];
  if (!row) return parseRulesConfig({});
  const rules = (row.rules ?? {}) as Record<string, unknown>;
  return parseRulesConfig({
    ...rules,
    filter: {
      ...((rules.filter as object) ?? {}),
      appYearAfter: row.app_year_after,
      layoutId: row.layout_id,
    },
  });
}

/** Companies of the organization with `K(c)` and their matching entities, in two set-based statements. */
export async function loadOrgScope(db: Queryable, orgId: string): Promise<OrgScope> {
  const config = await loadRulesConfig(db, orgId);
  const { rows: companies } = await db.query<{
    id: string;
    name: string;
    name_key: string;
    representative_id: string | null;
    parent_id: string | null;
    names: string[];
    member_keys: string[];
    member_reps: (string | null)[];
  }>(
    `select c.id, c.name, c.name_key, c.representative_id, c.parent_id,
            array_agg(m.name order by m.id) as names,
            array_agg(m.name_key order by m.id) as member_keys,
            array_agg(m.representative_id order by m.id) as member_reps
       from companies c
       join companies m on m.organization_id = c.organization_id and (m.id = c.id or m.parent_id = c.id) and m.deleted_at is null
      where c.organization_id = $1 and c.deleted_at is null
      group by c.id
      order by c.id`,
    [orgId],
  );
  if (companies.length === 0) return { orgId, config, companies: [] };
  // Entities matched by name or representative, then every entity sharing one of their party keys.
  const { rows: keyed } = await db.query<{ company_id: string; entity_id: string; party_key: string }>(
    `with members as (
       select x.company_id, x.name_key, lower(regexp_replace(btrim(x.name), '\\s+', ' ', 'g')) as raw_key, x.representative_id
         from unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[]) as x(company_id, name_key, representative_id, name)
     ),
     -- Entities are keyed on the recorded name; companies on the normalized one (BR-013…016): match either.
     seed_keys as (
       select m.company_id, ${PARTY_KEY} as party_key
         from members m
         join entities e on e.name_key in (m.name_key, m.raw_key)
         left join org_entity_overrides o on o.organization_id = $1 and o.entity_id = e.id
       union
       select m.company_id, m.representative_id from members m where m.representative_id is not null
     ),
     candidates as (
       select k.company_id, e.id as entity_id from seed_keys k join entities e on e.representative_id = k.party_key
       union
       select k.company_id, e.id from seed_keys k join entities e on e.id = k.party_key
       union
       select k.company_id, o.entity_id from seed_keys k
         join org_entity_overrides o on o.organization_id = $1 and o.representative_id = k.party_key
     )
     select c.company_id, e.id as entity_id, ${PARTY_KEY} as party_key
       from candidates c
       join entities e on e.id = c.entity_id
       left join org_entity_overrides o on o.organization_id = $1 and o.entity_id = e.id
      where ${PARTY_KEY} in (select party_key from seed_keys s where s.company_id = c.company_id)`,
    [
      orgId,
      companies.flatMap((c) => c.member_keys.map(() => c.id)),
      companies.flatMap((c) => c.member_keys),
      companies.flatMap((c) => c.member_reps),
      companies.flatMap((c) => c.names),
    ],
  );
  return {
    orgId,
    config,
    companies: companies.map((c) => {
      const rows = keyed.filter((k) => k.company_id === c.id);
      const partyKeys = new Set(rows.map((k) => k.party_key));
      if (c.representative_id) partyKeys.add(c.representative_id);
      return {
        id: c.id,
        name: c.name,
        nameKey: c.name_key,
        representativeId: c.representative_id,
        parentId: c.parent_id,
        partyKeys: [...partyKeys].sort(),
        entityIds: [...new Set(rows.map((k) => k.entity_id))].sort(),
        names: c.names,
      };
    }),
  };
}
