import { DEFAULT_RULES_CONFIG, type RulesConfig } from '@patentrack/shared';
import { companyMatcher } from '../config';
import type { AssetInput, CompanyInput, DocumentInput, PartyInput, TransactionInput } from '../types';
import { isChainLink } from './assess-title';

/** BR-039 (D-13) and BR-040 (D-14): year(`appno_date`) > `appYearAfter` and, when set, the layout id. */
export function isEligibleAsset(
  asset: Pick<AssetInput, 'appnoDate' | 'layoutId'>,
  filter: RulesConfig['filter'] = DEFAULT_RULES_CONFIG.filter,
): boolean {
  if (!asset.appnoDate) return false;
  if (Number(asset.appnoDate.slice(0, 4)) <= filter.appYearAfter) return false;
  return filter.layoutId === null || asset.layoutId === filter.layoutId;
}

/** BR-032 input `T(a)` (§0.1): a document row names the asset's application number, or its grant when it has none. */
export function documentNamesAsset(
  document: DocumentInput,
  asset: Pick<AssetInput, 'appnoDocNum' | 'grantDocNum'>,
): boolean {
  if (asset.appnoDocNum) return document.appnoDocNum === asset.appnoDocNum;
  return asset.grantDocNum !== null && document.grantDocNum === asset.grantDocNum;
}

/** BR-032 input `T(a)`: the transactions with a document row naming the asset. */
export function transactionsOfAsset<T extends TransactionInput>(
  asset: Pick<AssetInput, 'appnoDocNum' | 'grantDocNum'>,
  transactions: readonly T[],
): T[] {
  return transactions.filter((t) =>
    (t.documents ?? []).some((document) => documentNamesAsset(document, asset)),
  );
}

export interface MembershipAsset extends Pick<AssetInput, 'assetId' | 'appnoDocNum' | 'grantDocNum'> {
  /** Bibliographic (face) assignees of the patent. */
  faceAssignees?: readonly PartyInput[];
}

export interface CompanyAssetsInput {
  company: CompanyInput;
  /** Candidate assets of the organization. */
  assets: readonly MembershipAsset[];
  transactions: readonly TransactionInput[];
  manualAdditions?: readonly string[];
  manualRemovals?: readonly string[];
  config?: RulesConfig;
}

/**
 * BR-039 scope, D-27 asset membership: assets of a link transaction where c is an assignee, plus face-assignee
 * matches, plus admin additions, minus admin removals. Securities granted to c make no assets.
 */
export function companyAssetIds(input: CompanyAssetsInput): string[] {
  const config = input.config ?? DEFAULT_RULES_CONFIG;
  const company = companyMatcher(input.company);
  const acquiredDocuments = input.transactions
    .filter(
      (t) => isChainLink(t, config.chain.linkTypes) && t.assignees.some((party) => company.matches(party)),
    )
    .flatMap((t) => t.documents ?? []);
  const removed = new Set(input.manualRemovals ?? []);
  const added = new Set(input.manualAdditions ?? []);
  return input.assets
    .filter(
      (asset) =>
        added.has(asset.assetId) ||
        (asset.faceAssignees ?? []).some((party) => company.matches(party)) ||
        acquiredDocuments.some(
          (document) =>
            (asset.appnoDocNum !== null && document.appnoDocNum === asset.appnoDocNum) ||
            (asset.grantDocNum !== null && document.grantDocNum === asset.grantDocNum),
        ),
    )
    .filter((asset) => !removed.has(asset.assetId))
    .map((asset) => asset.assetId);
}
