import { flagConveyance, inventorMatchOptions } from '@patentrack/business-rules';
import { inOrgTransaction, type Queryable } from '../db';
import { refreshAssetMembership } from '../membership';
import { loadOrgInputs } from '../inputs';
import { loadConveyances, writeConveyances } from './conveyances';
import type { StepRunner } from './types';

/**
 * Inventors of each transaction (engineering.md §8): every document row is resolved to a patent through any
 * of its numbers (application, publication, grant) via `patents`, and that patent's application and grant
 * inventor lists are used; rows with no bibliographic record fall back to their own numbers.
 */
export async function inventorsOfTransactions(db: Queryable, rfIds: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ rf_id: string; name: string }>(
    `with docs as (
       select distinct rf_id, appno_doc_num, pgpub_doc_num, grant_doc_num from document_ids where rf_id = any($1::varchar[])
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
 * Step 2 (§5.2, BR-021…023, D-26): recomputes every non-override row of the scope from its keyword result
 * plus the match between its own assignors and the inventors of its own documents, so a corrected input can
 * also clear a flag. Then refreshes the company↔asset membership (D-27), which depends on the final
 * classification (only link-type transactions make assets), before any later step reads the assets.
 */
export const flagStep: StepRunner = async ({ pool, orgId }) => {
  const flagged = await inOrgTransaction(pool, orgId, async (client) => {
    const { rfIds, scope } = await loadOrgInputs(client, orgId);
    const [stored, inventors, { rows: assignorRows }] = await Promise.all([
      loadConveyances(client, rfIds),
      inventorsOfTransactions(client, rfIds),
      client.query<{ rf_id: string; names: string[] }>(
        `select rf_id, array_agg(or_name order by seq) as names from assignors where rf_id = any($1::varchar[]) group by rf_id`,
        [rfIds],
      ),
    ]);
    const assignorNames = new Map(assignorRows.map((r) => [r.rf_id, r.names]));
    const options = inventorMatchOptions(scope.config);
    const changed = [];
    let matched = 0;
    for (const classification of stored.values()) {
      const flaggedRow = flagConveyance(
        {
          classification,
          assignorNames: assignorNames.get(classification.rfId) ?? [],
          inventorNames: inventors.get(classification.rfId) ?? [],
        },
        options,
      );
      if (flaggedRow.source === 'inventor_match') matched++;
      if (JSON.stringify(flaggedRow) !== JSON.stringify(classification)) changed.push(flaggedRow);
    }
    const written = await writeConveyances(client, changed);
    return { transactions: stored.size, inventorMatched: matched, written };
  });
  const membership = await refreshAssetMembership(pool, orgId);
  return {
    recordsProcessed: flagged.transactions,
    metrics: {
      ...flagged,
      assetsInserted: membership.assetsInserted,
      assetsUpdated: membership.assetsUpdated,
      membershipsAdded: membership.membershipsAdded,
      membershipsRemoved: membership.membershipsRemoved,
    },
  };
};
