import type { ConveyType } from './conveyance';

/** Which side of a transaction the tracked company is on: `in` = it matched an assignee, `out` = an assignor. */
export const ACTIVITY_DIRECTIONS = ['in', 'out'] as const;
export type ActivityDirection = (typeof ACTIVITY_DIRECTIONS)[number];

export interface ActivityCodeInfo {
  activityId: number;
  conveyType: ConveyType | null;
  direction: ActivityDirection | null;
  /** BR-038 fold target; null = the code is its own group. */
  groupId: number | null;
}

/** Known legacy facts (OQ-1): 5 security, 6 release, 10 employee (excluded from the party count). */
export const ACTIVITY = {
  security: 5,
  release: 6,
  employee: 10,
  license: 114,
  /** Every other type: this base plus the tree type of the row (provisional seed, business-rules §5.7). */
  treeTypeBase: 100,
} as const;

/** Legacy security variants that BR-038 counts as one activity (5). */
export const SECURITY_ACTIVITY_VARIANTS = [11, 12, 13, 16] as const;

/** BR-038: the activity group of a transaction activity code; unknown codes pass through. */
export function activityGroup(activityId: number): number {
  return (SECURITY_ACTIVITY_VARIANTS as readonly number[]).includes(activityId)
    ? ACTIVITY.security
    : activityId;
}

const directional = (conveyType: ConveyType, inTreeType: number, outTreeType: number): ActivityCodeInfo[] => [
  { activityId: ACTIVITY.treeTypeBase + inTreeType, conveyType, direction: 'in', groupId: null },
  { activityId: ACTIVITY.treeTypeBase + outTreeType, conveyType, direction: 'out', groupId: null },
];
const undirected = (conveyType: ConveyType, treeType: number): ActivityCodeInfo => ({
  activityId: ACTIVITY.treeTypeBase + treeType,
  conveyType,
  direction: null,
  groupId: null,
});

/** Provisional seed of `activity_codes` until the legacy table is migrated (OQ-1). */
export const ACTIVITY_CODES: readonly ActivityCodeInfo[] = [
  { activityId: ACTIVITY.security, conveyType: 'security', direction: null, groupId: null },
  { activityId: ACTIVITY.release, conveyType: 'release', direction: null, groupId: null },
  { activityId: ACTIVITY.employee, conveyType: 'employee', direction: null, groupId: null },
  ...SECURITY_ACTIVITY_VARIANTS.map((activityId) => ({
    activityId,
    conveyType: null,
    direction: null,
    groupId: ACTIVITY.security,
  })),
  ...directional('assignment', 1, 2),
  ...directional('merger', 3, 4),
  undirected('namechg', 9),
  undirected('govern', 10),
  undirected('correct', 11),
  undirected('missing', 12),
  undirected('other', 13),
  { activityId: ACTIVITY.license, conveyType: 'license', direction: null, groupId: null },
];
