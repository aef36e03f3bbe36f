import { classifyConveyance, type ConveyanceClassification } from '@patentrack/business-rules';
import { isConveyType } from '@patentrack/shared';
import { inOrgTransaction } from '../db';
import { loadOrgInputs } from '../inputs';
import { loadConveyances, writeConveyances } from './conveyances';
import type { StepRunner } from './types';

/**
 * Step 1 (§5.1, BR-001…012): classifies every transaction of the organization scope; an override wins
 * (BR-011). A row already flagged by inventor match keeps its flag while its keyword result is unchanged:
 * the `flag` step that follows recomputes it.
 */
export const classifyStep: StepRunner = async ({ pool, orgId }) =>
  inOrgTransaction(pool, orgId, async (client) => {
    const { rfIds } = await loadOrgInputs(client, orgId);
    const [{ rows: texts }, { rows: overrides }, stored] = await Promise.all([
      client.query<{ rf_id: string; convey_text: string | null }>(
        `select rf_id, convey_text from assignments where rf_id = any($1::varchar[])`,
        [rfIds],
      ),
      client.query<{ rf_id: string; convey_ty: string; employer_assign: boolean }>(
        `select rf_id, convey_ty, employer_assign from conveyance_overrides where rf_id = any($1::varchar[])`,
        [rfIds],
      ),
      loadConveyances(client, rfIds),
    ]);
    const overrideOf = new Map(overrides.map((o) => [o.rf_id, o]));
    const changed: ConveyanceClassification[] = [];
    for (const { rf_id: rfId, convey_text: text } of texts) {
      const override = overrideOf.get(rfId);
      const computed = classifyConveyance(
        rfId,
        text,
        override && isConveyType(override.convey_ty) ? { conveyType: override.convey_ty, employerAssign: override.employer_assign } : null,
      );
      const current = stored.get(rfId);
      const keepsInventorFlag =
        current?.source === 'inventor_match' && computed.source === 'keyword' && current.keywordConveyType === computed.keywordConveyType;
      if (!keepsInventorFlag) changed.push(computed);
    }
    const written = await writeConveyances(client, changed);
    return { recordsProcessed: texts.length, metrics: { transactions: texts.length, overrides: overrides.length, written } };
  });
