import { DISPLAY_STATUSES, type DisplayStatus, type TitleStatus } from '@patentrack/shared';
import type { Queryable } from './db';

export interface StoredTitleStatus {
  companyId: string;
  assetId: string;
  status: TitleStatus;
  encumbered: boolean;
  displayStatus: DisplayStatus;
  chainRfIds: string[];
  openSecurityRfIds: string[];
}

/** The `broken_title` step's verdicts of the organization, keyed by company then asset. */
export async function loadTitleStatuses(
  db: Queryable,
  orgId: string,
): Promise<Map<string, Map<string, StoredTitleStatus>>> {
  const { rows } = await db.query<StoredTitleStatus>(
    `select company_id as "companyId", asset_id as "assetId", status, encumbered, display_status as "displayStatus",
            chain_rf_ids as "chainRfIds", open_security_rf_ids as "openSecurityRfIds"
       from asset_title_status where organization_id = $1`,
    [orgId],
  );
  const result = new Map<string, Map<string, StoredTitleStatus>>();
  for (const row of rows) {
    const byAsset = result.get(row.companyId) ?? new Map<string, StoredTitleStatus>();
    byAsset.set(row.assetId, row);
    result.set(row.companyId, byAsset);
  }
  return result;
}

/** An asset's org-level verdict: the worst of its companies' verdicts (engineering.md §8). */
export function worstVerdict(verdicts: readonly StoredTitleStatus[]): StoredTitleStatus | undefined {
  const rank = (v: StoredTitleStatus) => DISPLAY_STATUSES.indexOf(v.displayStatus);
  return [...verdicts].sort((a, b) => rank(a) - rank(b) || (a.companyId < b.companyId ? -1 : 1))[0];
}
