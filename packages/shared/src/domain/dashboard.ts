export const DASHBOARD_ITEM_CATEGORIES = [
  'chain',
  'encumbrance',
  'law_firm',
  'bank',
  'asset',
  'other',
] as const;
export type DashboardItemCategory = (typeof DASHBOARD_ITEM_CATEGORIES)[number];

export interface DashboardItemTypeInfo {
  code: number;
  key: string;
  displayName: string;
  category: DashboardItemCategory;
  /** Only 0, 1, 18, 20 and 30 are produced by the pipeline; the rest are reserved legacy codes (OQ-16). */
  isEmitted: boolean;
}

/** Seed rows of the `dashboard_item_types` lookup (BR-037, business-rules §5.6). */
export const DASHBOARD_ITEM_TYPES: readonly DashboardItemTypeInfo[] = [
  {
    code: 0,
    key: 'complete_chain',
    displayName: 'Complete chain of title',
    category: 'chain',
    isEmitted: true,
  },
  { code: 1, key: 'broken_chain', displayName: 'Broken chain of title', category: 'chain', isEmitted: true },
  { code: 18, key: 'encumbrance', displayName: 'Encumbrance', category: 'encumbrance', isEmitted: true },
  { code: 20, key: 'law_firm', displayName: 'Law firm', category: 'law_firm', isEmitted: true },
  {
    code: 28,
    key: 'asset_category_28',
    displayName: 'Asset category (legacy 28)',
    category: 'asset',
    isEmitted: false,
  },
  {
    code: 29,
    key: 'asset_category_29',
    displayName: 'Asset category (legacy 29)',
    category: 'asset',
    isEmitted: false,
  },
  { code: 30, key: 'bank_security', displayName: 'Bank security', category: 'bank', isEmitted: true },
  { code: 31, key: 'unassigned', displayName: 'Unassigned', category: 'asset', isEmitted: false },
  {
    code: 32,
    key: 'asset_category_32',
    displayName: 'Asset category (legacy 32)',
    category: 'asset',
    isEmitted: false,
  },
  { code: 33, key: 'bank_33', displayName: 'Bank (legacy 33)', category: 'bank', isEmitted: false },
  {
    code: 34,
    key: 'count_34',
    displayName: 'Special count (legacy 34)',
    category: 'other',
    isEmitted: false,
  },
  { code: 35, key: 'bank_35', displayName: 'Bank (legacy 35)', category: 'bank', isEmitted: false },
  { code: 36, key: 'bank_36', displayName: 'Bank (legacy 36)', category: 'bank', isEmitted: false },
  {
    code: 37,
    key: 'count_37',
    displayName: 'Special count (legacy 37)',
    category: 'other',
    isEmitted: false,
  },
];

/** Codes the pipeline writes to `dashboard_items` (BR-037). */
export const DASHBOARD_TYPE = {
  completeChain: 0,
  brokenChain: 1,
  encumbrance: 18,
  lawFirm: 20,
  bankSecurity: 30,
} as const;
export type EmittedDashboardType = (typeof DASHBOARD_TYPE)[keyof typeof DASHBOARD_TYPE];
