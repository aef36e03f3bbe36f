import {
  DASHBOARD_TYPE,
  DEFAULT_RULES_CONFIG,
  type EmittedDashboardType,
  type RulesConfig,
} from '@patentrack/shared';
import { nameKey } from '../names/normalize';
import { inTransactionOrder } from '../title/order';
import { isEligibleAsset } from '../title/membership';
import type { TitleAssessment } from '../title/assess-title';
import type { AssetInput, PartyInput, TransactionInput } from '../types';

export interface DashboardAssetInput {
  asset: AssetInput;
  assessment: Pick<TitleAssessment, 'status' | 'openSecurityRfIds'>;
  /** `T(a)` with correspondents. */
  transactions: readonly TransactionInput[];
}

export interface LawFirm {
  id: string;
  name: string;
}

export interface Bank {
  name: string;
  /** The bank's party key when it is linked to an entity or representative. */
  partyKey?: string | null;
}

export interface BuildDashboardInput {
  assets: readonly DashboardAssetInput[];
  lawFirms?: readonly LawFirm[];
  /** The org's `banks` configuration, else the global list (OQ-25: no name heuristics). */
  banks?: readonly Bank[];
  config?: RulesConfig;
}

/** One `dashboard_items` row. */
export interface DashboardItem {
  type: EmittedDashboardType;
  assetId: string;
  patent: string | null;
  application: string | null;
  rfId: string | null;
  entityId: string | null;
  lawfirm: string | null;
  lawfirmId: string | null;
}

/** One `dashboard_item_counts` row (`number` = `total` = row count). */
export interface DashboardCount {
  type: EmittedDashboardType;
  number: number;
  total: number;
}

const entityOf = (party: PartyInput | undefined): string | null =>
  party ? (party.entityId ?? party.key) : null;

/**
 * BR-036, BR-037 (§5.6): dashboard rows of types 0, 1, 18, 20 and 30 over c's eligible assets,
 * and their counts (types without rows get no count row).
 */
export function buildDashboard(input: BuildDashboardInput): {
  items: DashboardItem[];
  counts: DashboardCount[];
} {
  const filter = (input.config ?? DEFAULT_RULES_CONFIG).filter;
  const firmsByName = new Map((input.lawFirms ?? []).map((firm) => [firm.name, firm]));
  const bankKeys = new Set((input.banks ?? []).flatMap((bank) => (bank.partyKey ? [bank.partyKey] : [])));
  const bankNames = new Set((input.banks ?? []).map((bank) => nameKey(bank.name)));
  // The same lenders recur across a portfolio's security interests: each name is keyed once.
  const bankByName = new Map<string, boolean>();
  const isBankName = (name: string): boolean => {
    let bank = bankByName.get(name);
    if (bank === undefined) bankByName.set(name, (bank = bankNames.has(nameKey(name))));
    return bank;
  };
  const isBank = (party: PartyInput): boolean => bankKeys.has(party.key) || isBankName(party.name);

  const items: DashboardItem[] = [];
  for (const { asset, assessment, transactions } of input.assets) {
    if (!isEligibleAsset(asset, filter)) continue;
    const row = (type: EmittedDashboardType, fields: Partial<DashboardItem> = {}): DashboardItem => ({
      type,
      assetId: asset.assetId,
      patent: asset.grantDocNum,
      application: asset.appnoDocNum,
      rfId: null,
      entityId: null,
      lawfirm: null,
      lawfirmId: null,
      ...fields,
    });
    if (assessment.status === 'complete') items.push(row(DASHBOARD_TYPE.completeChain));
    if (assessment.status === 'broken') items.push(row(DASHBOARD_TYPE.brokenChain));
    const ordered = inTransactionOrder(transactions);
    const byRfId = new Map(ordered.map((t) => [t.rfId, t]));
    for (const rfId of assessment.openSecurityRfIds) {
      items.push(
        row(DASHBOARD_TYPE.encumbrance, { rfId, entityId: entityOf(byRfId.get(rfId)?.assignees[0]) }),
      );
    }
    for (const t of ordered) {
      const firm = t.correspondent?.name ? firmsByName.get(t.correspondent.name) : undefined;
      if (firm)
        items.push(row(DASHBOARD_TYPE.lawFirm, { rfId: t.rfId, lawfirm: firm.name, lawfirmId: firm.id }));
    }
    for (const t of ordered) {
      if (t.conveyType !== 'security') continue;
      const bank = t.assignees.find(isBank);
      if (bank) items.push(row(DASHBOARD_TYPE.bankSecurity, { rfId: t.rfId, entityId: entityOf(bank) }));
    }
  }
  items.sort((a, b) => a.type - b.type);

  const counts: DashboardCount[] = [];
  for (const item of items) {
    const last = counts.at(-1);
    if (last?.type === item.type) {
      last.number++;
      last.total++;
    } else counts.push({ type: item.type, number: 1, total: 1 });
  }
  return { items, counts };
}
