import { sql } from 'drizzle-orm';
import { AppError, diagramSchema, type DiagramBrokenLink, type DiagramJson } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { assetDiagram } from '@patentrack/db/queries';

/**
 * The diagram payload of an asset (product.md #20): the stored JSON plus `brokenLink`, the break of the worst
 * `chain_gap` verdict mapped onto the boxes of the expected holders and of the actual assignors.
 */
export async function diagramPayload(tx: Tx, assetId: string) {
  const stored = await assetDiagram(tx, assetId);
  if (stored === null) throw AppError.notFound('Diagram');
  const diagram = diagramSchema.parse(stored);
  const { rows } = await tx.execute<{
    break_rf_id: string;
    expected_holder_keys: string[];
    actual_assignor_keys: string[];
  }>(sql`
    select break_rf_id, expected_holder_keys, actual_assignor_keys from asset_title_status
     where organization_id = app_current_org() and asset_id = ${assetId} and reason = 'chain_gap' and break_rf_id is not null
     order by company_id limit 1`);
  return { ...diagram, brokenLink: brokenLinkOf(diagram, rows[0]) };
}

function brokenLinkOf(
  diagram: DiagramJson,
  verdict:
    { break_rf_id: string; expected_holder_keys: string[]; actual_assignor_keys: string[] } | undefined,
): DiagramBrokenLink | null {
  if (!verdict) return null;
  const boxesOf = (keys: string[]) =>
    diagram.boxes.filter((box) => keys.includes(box.entityKey)).map((box) => box.id);
  return {
    rfId: verdict.break_rf_id,
    fromBoxIds: boxesOf(verdict.expected_holder_keys),
    toBoxIds: boxesOf(verdict.actual_assignor_keys),
  };
}
