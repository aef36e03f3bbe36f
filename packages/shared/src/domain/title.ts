/** `asset_title_status.status` (business-rules §4.1; `divested` is D-28). */
export const TITLE_STATUSES = ['complete', 'broken', 'divested'] as const;
export type TitleStatus = (typeof TITLE_STATUSES)[number];

/** Reasons of a broken verdict (BR-032…BR-035). */
export const TITLE_REASONS = [
  'chain_gap',
  'no_transactions',
  'no_inventor_start',
  'not_current_owner',
] as const;
export type TitleReason = (typeof TITLE_REASONS)[number];

/** Display precedence: broken > divested > encumbered > complete (§4.1 step 5). */
export const DISPLAY_STATUSES = ['broken', 'divested', 'encumbered', 'complete'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

/** `timeline_entries.category` (business-rules §5.4; `license` is D-19). */
export const TIMELINE_CATEGORIES = [
  'employee',
  'ownership',
  'security',
  'administrative',
  'license',
] as const;
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

export const PARTY_ROLES = ['assignor', 'assignee'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Ownership-diagram box segments (business-rules §5.8, D-18). */
export const DIAGRAM_SEGMENTS = { inventor: 0, owner: 1, bank: 2, thirdParty: 3 } as const;
