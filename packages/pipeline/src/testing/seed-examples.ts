import type { Queryable } from '../db';
import { insertRecordedTransactions } from './records';
import { exampleAsset, exampleTransactions, TITLE_CHAIN_EXAMPLES } from '../title-chains';

/** Writes every worked title example (transactions, plus a grant record where a face assignee is named). */
export async function seedTitleExamples(db: Queryable): Promise<void> {
  await insertRecordedTransactions(
    db,
    TITLE_CHAIN_EXAMPLES.flatMap((example, index) => exampleTransactions(index, example)),
  );
  for (const [index, example] of TITLE_CHAIN_EXAMPLES.entries()) {
    if (!example.faceAssignee) continue;
    const asset = exampleAsset(index);
    await db.query(
      `insert into entities (name, name_key) values ($1::varchar, lower($1::varchar)) on conflict (name_key) do nothing`,
      [example.faceAssignee],
    );
    await db.query(
      `insert into patents (appno_doc_num, appno_date, grant_doc_num, grant_date, title, assignee_entity_ids)
       values ($1, $2, $3, '2009-01-06', $4, array[(select id from entities where name_key = lower($5))])`,
      [asset.appno, asset.appnoDate, asset.grant, `Example ${example.id}`, example.faceAssignee],
    );
  }
}
