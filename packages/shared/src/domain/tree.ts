import { CONVEYANCE_COLORS } from './conveyance';

export const TREE_TABS = [0, 1, 2, 3] as const;
export type TreeTab = (typeof TREE_TABS)[number];

export interface TreeTypeInfo {
  code: number;
  key: string;
  /** Legacy UI label; the condition in business-rules §3 is authoritative (OQ-8). */
  displayName: string;
  tab: TreeTab;
  color: string;
  isAdministrative: boolean;
}

/** Seed rows of the `tree_types` lookup (business-rules §3, BR-024…BR-031; D-7 puts employees at 0/0). */
export const TREE_TYPES: readonly TreeTypeInfo[] = [
  {
    code: 0,
    key: 'employee',
    displayName: 'Employee',
    tab: 0,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: false,
  },
  {
    code: 1,
    key: 'purchase',
    displayName: 'Purchase',
    tab: 1,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: false,
  },
  {
    code: 2,
    key: 'sale',
    displayName: 'Sale',
    tab: 1,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: false,
  },
  {
    code: 3,
    key: 'merger_in',
    displayName: 'Merger In',
    tab: 1,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: false,
  },
  {
    code: 4,
    key: 'merger_out',
    displayName: 'Merger Out',
    tab: 1,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: false,
  },
  {
    code: 5,
    key: 'security_out',
    displayName: 'Security Out',
    tab: 2,
    color: CONVEYANCE_COLORS.security,
    isAdministrative: false,
  },
  {
    code: 6,
    key: 'security_in',
    displayName: 'Security In',
    tab: 2,
    color: CONVEYANCE_COLORS.security,
    isAdministrative: false,
  },
  {
    code: 7,
    key: 'release_out',
    displayName: 'Release Out',
    tab: 2,
    color: CONVEYANCE_COLORS.release,
    isAdministrative: false,
  },
  {
    code: 8,
    key: 'release_in',
    displayName: 'Release In',
    tab: 2,
    color: CONVEYANCE_COLORS.release,
    isAdministrative: false,
  },
  {
    code: 9,
    key: 'name_change',
    displayName: 'Name Change',
    tab: 3,
    color: CONVEYANCE_COLORS.nameChange,
    isAdministrative: true,
  },
  {
    code: 10,
    key: 'govern',
    displayName: 'Government Interest',
    tab: 3,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: true,
  },
  {
    code: 11,
    key: 'correct',
    displayName: 'Correction',
    tab: 3,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: true,
  },
  {
    code: 12,
    key: 'missing',
    displayName: 'Unclassified',
    tab: 3,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: true,
  },
  {
    code: 13,
    key: 'other',
    displayName: 'Other',
    tab: 3,
    color: CONVEYANCE_COLORS.ownership,
    isAdministrative: true,
  },
];
