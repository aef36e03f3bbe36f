import { DISPLAY_STATUSES, type DisplayStatus, type TitleStatus } from '@patentrack/shared';
import type { Queryable } from './db';
import { RunMemo } from './run-memo';
import type { RunRef } from './runs';

export interface StoredTitleStatus {
  companyId: string;
  assetId: string;
  status: TitleStatus;
  encumbered: boolean;
  displayStatus: DisplayStatus;
  chainRfIds: string[];
  openSecurityRfIds: string[];
}

type TitleStatuses = Map<string, Map<string, StoredTitleStatus>>;

const runStatuses = new RunMemo<TitleStatuses>();

/**
 * The `broken_title` step's verdicts of the organization, keyed by company then asset; read once per run by the
 * steps after it (they run only once it has finished, so the verdicts no longer change within the run).
 */
export function loadTitleStatuses(db: Queryable, run: RunRef): Promise<TitleStatuses> {
  return runStatuses.get(run.orgId, run.runId, () => readTitleStatuses(db, run.orgId));
}

async function readTitleStatuses(db: Queryable, orgId: string): Promise<TitleStatuses> {
  const { rows } = await db.query<StoredTitleStatus>(
    `select company_id as "companyId", asset_id as "assetId", status, encumbered, display_status as "displayStatus",
            chain_rf_ids as "chainRfIds", open_security_rf_ids as "openSecurityRfIds"
       from asset_title_status where organization_id = $1`,
    [orgId],
  );
  const result: TitleStatuses = new Map();
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
