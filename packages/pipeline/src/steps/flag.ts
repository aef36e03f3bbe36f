import {
  flagConveyance,
  inventorMatchOptions,
  type ConveyanceClassification,
} from '@patentrack/business-rules';
import type { RulesConfig } from '@patentrack/shared';
import { inOrgTransaction, type Queryable } from '../db';
import { incrementalChanges, type IncrementalChanges } from '../incremental';
import { loadOrgInputs } from '../inputs';
import { refreshAssetMembership } from '../membership';
import { loadOrgScope } from '../scope';
import { keywordClassifications } from './classify';
import { loadConveyances, writeConveyances } from './conveyances';
import type { StepRunner } from './types';

/**
 * Inventors of each transaction (engineering.md §8): every document row is resolved to a patent through any
 * of its numbers (application, publication, grant) via `patents`, and that patent's application and grant
 * inventor lists are used; rows with no bibliographic record fall back to their own numbers.
 */
export async function inventorsOfTransactions(
  db: Queryable,
  rfIds: readonly string[],
): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ rf_id: string; name: string }>(
    `with docs as (
       select distinct rf_id, appno_doc_num, pgpub_doc_num, grant_doc_num from document_ids where rf_id in (select unnest($1::varchar[]))
     ),
     numbers as (
       select d.rf_id, p.appno_doc_num, p.grant_doc_num from docs d join patents p on p.appno_doc_num = d.appno_doc_num
       union select d.rf_id, p.appno_doc_num, p.grant_doc_num from docs d join patents p on p.grant_doc_num = d.grant_doc_num
       union select d.rf_id, p.appno_doc_num, p.grant_doc_num from docs d join patents p on p.pgpub_doc_num = d.pgpub_doc_num
       union select d.rf_id, d.appno_doc_num, d.grant_doc_num from docs d
     )
     select distinct n.rf_id, i.name
       from numbers n join inventors i on i.doc_type = 'application' and i.doc_num = n.appno_doc_num
     union
     select distinct n.rf_id, i.name
       from numbers n join inventors i on i.doc_type = 'grant' and i.doc_num = n.grant_doc_num
     order by 1, 2`,
    [rfIds],
  );
  const result = new Map<string, string[]>();
  for (const row of rows) {
    const names = result.get(row.rf_id) ?? [];
    names.push(row.name);
    result.set(row.rf_id, names);
  }
  return result;
}

/**
 * BR-021…023 (D-26) over the given transactions: every non-override row is recomputed from its keyword
 * result plus the match between its own assignors and the inventors of its own documents, so a corrected
 * input can also clear a flag. A transaction not classified yet gets its keyword classification first.
 */
async function flagTransactions(db: Queryable, rfIds: readonly string[], config: RulesConfig) {
  const stored = await loadConveyances(db, rfIds);
  const inventors = await inventorsOfTransactions(db, rfIds);
  const { rows: assignorRows } = await db.query<{ rf_id: string; names: string[] }>(
    `select rf_id, array_agg(or_name order by seq) as names from assignors where rf_id in (select unnest($1::varchar[])) group by rf_id`,
    [rfIds],
  );
  const unclassified = new Set(rfIds.filter((rfId) => !stored.has(rfId)));
  if (unclassified.size > 0)
    for (const [rfId, row] of await keywordClassifications(db, [...unclassified])) stored.set(rfId, row);
  const assignorNames = new Map(assignorRows.map((r) => [r.rf_id, r.names]));
  const options = inventorMatchOptions(config);
  const changed: ConveyanceClassification[] = [];
  let matched = 0;
  for (const classification of stored.values()) {
    const row = flagConveyance(
      {
        classification,
        assignorNames: assignorNames.get(classification.rfId) ?? [],
        inventorNames: inventors.get(classification.rfId) ?? [],
      },
      options,
    );
    if (row.source === 'inventor_match') matched++;
    if (unclassified.has(row.rfId) || JSON.stringify(row) !== JSON.stringify(classification))
      changed.push(row);
  }
  const written = await writeConveyances(db, changed);
  return { transactions: stored.size, inventorMatched: matched, written };
}

/** Transactions naming one of the numbers (the `T(a)` of assets an incremental refresh may have added). */
async function transactionsNaming(db: Queryable, numbers: IncrementalChanges): Promise<string[]> {
  const { rows } = await db.query<{ rf_id: string }>(
    `select rf_id from document_ids where appno_doc_num = any($1::varchar[])
     union select rf_id from document_ids where grant_doc_num = any($2::varchar[])`,
    [numbers.appnos, numbers.grants],
  );
  return rows.map((r) => r.rf_id).sort();
}

/**
 * Step 2 (§5.2): flags the organization scope, then refreshes the company↔asset membership (D-27), which
 * depends on the final classification (only link-type transactions make assets). Transactions of assets
 * that joined in this refresh are classified and flagged too, so every later step sees a complete `T(a)`.
 * An incremental run flags only what its ingestion jobs changed and refreshes only the numbers they touched
 * (see `incrementalChanges`).
 */
export const flagStep: StepRunner = async ({ pool, orgId, runId }) => {
  const scope = await loadOrgScope(pool, orgId);
  const changes = await incrementalChanges(pool, { runId, orgId }, scope);
  const before = changes ? null : await loadOrgInputs(pool, orgId, scope);
  const changed = changes?.rfIds ?? before!.rfIds;
  const flagged = await inOrgTransaction(pool, orgId, (client) =>
    flagTransactions(client, changed, scope.config),
  );
  const membership = await refreshAssetMembership(pool, orgId, changes ?? undefined);
  // Only new assets, new memberships or newly known numbers can widen the scope.
  const widened = membership.assetsInserted + membership.membershipsAdded + membership.assetsUpdated > 0;
  const known = new Set(changed);
  const joined = !widened
    ? []
    : changes
      ? (await transactionsNaming(pool, changes)).filter((rfId) => !known.has(rfId))
      : (await loadOrgInputs(pool, orgId)).rfIds.filter((rfId) => !known.has(rfId));
  const joinedFlags =
    joined.length > 0
      ? await inOrgTransaction(pool, orgId, (client) => flagTransactions(client, joined, scope.config))
      : null;
  return {
    recordsProcessed: flagged.transactions + (joinedFlags?.transactions ?? 0),
    metrics: {
      transactions: flagged.transactions + (joinedFlags?.transactions ?? 0),
      inventorMatched: flagged.inventorMatched + (joinedFlags?.inventorMatched ?? 0),
      written: flagged.written + (joinedFlags?.written ?? 0),
      joinedTransactions: joined.length,
      assetsInserted: membership.assetsInserted,
      assetsUpdated: membership.assetsUpdated,
      membershipsAdded: membership.membershipsAdded,
      membershipsRemoved: membership.membershipsRemoved,
    },
  };
};
