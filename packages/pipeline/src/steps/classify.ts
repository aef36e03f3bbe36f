import { classifyConveyance, type ConveyanceClassification } from '@patentrack/business-rules';
import { isConveyType } from '@patentrack/shared';
import { inOrgTransaction, type Queryable } from '../db';
import { incrementalChanges } from '../incremental';
import { loadOrgInputs } from '../inputs';
import { loadOrgScope } from '../scope';
import { loadConveyances, writeConveyances } from './conveyances';
import type { StepRunner } from './types';

/** BR-001…012 with overrides (BR-011) for the given transactions, from their stored conveyance text. */
export async function keywordClassifications(
  db: Queryable,
  rfIds: readonly string[],
): Promise<Map<string, ConveyanceClassification>> {
  // Sequential: `db` may be one client inside a transaction.
  const { rows: texts } = await db.query<{ rf_id: string; convey_text: string | null }>(
    `select rf_id, convey_text from assignments where rf_id in (select unnest($1::varchar[]))`,
    [rfIds],
  );
  const { rows: overrides } = await db.query<{ rf_id: string; convey_ty: string; employer_assign: boolean }>(
    `select rf_id, convey_ty, employer_assign from conveyance_overrides where rf_id in (select unnest($1::varchar[]))`,
    [rfIds],
  );
  const overrideOf = new Map(overrides.map((o) => [o.rf_id, o]));
  return new Map(
    texts.map(({ rf_id: rfId, convey_text: text }) => {
      const override = overrideOf.get(rfId);
      const validOverride =
        override && isConveyType(override.convey_ty)
          ? { conveyType: override.convey_ty, employerAssign: override.employer_assign }
          : null;
      return [rfId, classifyConveyance(rfId, text, validOverride)];
    }),
  );
}

/**
 * Step 1 (§5.1, BR-001…012): classifies every transaction of the organization scope; an override wins
 * (BR-011). A row already flagged by inventor match keeps its flag while its keyword result is unchanged:
 * the `flag` step that follows recomputes it. An incremental run only looks at the transactions its ingestion
 * jobs changed (`incrementalChanges`).
 */
export const classifyStep: StepRunner = async ({ pool, orgId, runId }) =>
  inOrgTransaction(pool, orgId, async (client) => {
    const scope = await loadOrgScope(client, orgId);
    const changes = await incrementalChanges(client, { runId, orgId }, scope);
    const rfIds = changes?.rfIds ?? (await loadOrgInputs(client, orgId, scope)).rfIds;
    const computed = await keywordClassifications(client, rfIds);
    const stored = await loadConveyances(client, rfIds);
    const changed: ConveyanceClassification[] = [];
    for (const row of computed.values()) {
      const current = stored.get(row.rfId);
      const keepsInventorFlag =
        current?.source === 'inventor_match' &&
        row.source === 'keyword' &&
        current.keywordConveyType === row.keywordConveyType;
      if (!keepsInventorFlag) changed.push(row);
    }
    const written = await writeConveyances(client, changed);
    return {
      recordsProcessed: computed.size,
      metrics: { transactions: computed.size, incremental: changes ? 1 : 0, written },
    };
  });
