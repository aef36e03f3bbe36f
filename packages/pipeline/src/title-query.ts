import { normalizeDocNumber } from '@patentrack/shared';
import type { Queryable } from './db';

/**
 * The `asset_title_status` rows (one per company) of an organization's asset named by a grant or
 * application number in any accepted notation.
 */
export async function titleStatusForPatent(
  db: Queryable,
  orgId: string,
  number: string,
): Promise<Record<string, unknown>[]> {
  const candidates = [...new Set([number.trim(), ...normalizedForms(number)])];
  const { rows } = await db.query(
    `select t.organization_id as "organizationId", t.company_id as "companyId", c.name as "companyName",
            t.asset_id as "assetId", t.appno_doc_num as "appnoDocNum", t.grant_doc_num as "grantDocNum", t.status, t.reason,
            t.break_rf_id as "breakRfId", t.expected_holder_keys as "expectedHolderKeys",
            t.actual_assignor_keys as "actualAssignorKeys", t.final_holder_keys as "finalHolderKeys",
            t.has_employee_start as "hasEmployeeStart", t.employee_link_count as "employeeLinkCount",
            t.chain_rf_ids as "chainRfIds", t.encumbered, t.open_security_rf_ids as "openSecurityRfIds",
            t.display_status as "displayStatus", t.detected_at as "detectedAt"
       from asset_title_status t
       join assets a on a.organization_id = t.organization_id and a.id = t.asset_id
       join companies c on c.organization_id = t.organization_id and c.id = t.company_id
      where t.organization_id = $1 and (a.appno_doc_num in (select unnest($2::varchar[])) or a.grant_doc_num in (select unnest($2::varchar[])))
      order by t.company_id`,
    [orgId, candidates],
  );
  return rows;
}

function normalizedForms(number: string): string[] {
  return (['appno', 'grant'] as const).flatMap((kind) => normalizeDocNumber(kind, number) ?? []);
}
