/** Diagram/tree colours of business-rules §0.3 (D-17); red is also the fallback for unknown types (BR-031). */
export const CONVEYANCE_COLORS = {
  ownership: '#E60000',
  nameChange: '#2493f2',
  security: '#ffaa00',
  release: '#70A800',
  license: '#E6E600',
} as const;

/** Types the keyword classifier can emit, in BR-012 priority order (index + 1 = `priority`). */
export const CLASSIFIER_CONVEY_TYPES = [
  'correct',
  'employee',
  'govern',
  'merger',
  'namechg',
  'license',
  'release',
  'security',
  'assignment',
  'missing',
] as const;

/** Types that only a manual override or migration can set (BR-011, D-1). */
export const OVERRIDE_ONLY_CONVEY_TYPES = [
  'partialassignment',
  'option',
  'courtorder',
  'courtappointment',
  'licenseend',
  'other',
] as const;

/** All 16 `convey_ty` values (D-1). */
export const CONVEY_TYPES = [...CLASSIFIER_CONVEY_TYPES, ...OVERRIDE_ONLY_CONVEY_TYPES] as const;
export type ConveyType = (typeof CONVEY_TYPES)[number];

export const CONVEYANCE_CATEGORIES = [
  'Ownership',
  'NameChange',
  'Security',
  'Release',
  'License',
  'LicenseEnd',
  'Correct',
] as const;
export type ConveyanceCategory = (typeof CONVEYANCE_CATEGORIES)[number];

export const BOX_TYPES = ['Inventor', 'Ownership', 'Security', 'Licenses', '3rdParties'] as const;
export type BoxType = (typeof BOX_TYPES)[number];

/** Where an effective classification came from (`assignment_conveyances.source`). */
export const CONVEYANCE_SOURCES = ['override', 'keyword', 'inventor_match'] as const;
export type ConveyanceSource = (typeof CONVEYANCE_SOURCES)[number];

export interface ConveyanceTypeInfo {
  conveyType: ConveyType;
  displayName: string;
  sourceKind: 'classifier' | 'override_only';
  /** BR-012 rank for classifier types, null for override-only types. */
  priority: number | null;
  color: string;
  boxType: Extract<BoxType, 'Ownership' | 'Security' | 'Licenses'>;
  category: ConveyanceCategory;
  /** Ownership-transfer flag; seeded from the default chain link set (D-2) until legacy `is_ota` is migrated. */
  isOta: boolean;
}

const OWNERSHIP = {
  color: CONVEYANCE_COLORS.ownership,
  boxType: 'Ownership',
  category: 'Ownership',
} as const;

const CONVEYANCE_STYLE: Record<ConveyType, Pick<ConveyanceTypeInfo, 'color' | 'boxType' | 'category'>> = {
  correct: { ...OWNERSHIP, category: 'Correct' },
  employee: OWNERSHIP,
  govern: OWNERSHIP,
  merger: OWNERSHIP,
  namechg: { color: CONVEYANCE_COLORS.nameChange, boxType: 'Ownership', category: 'NameChange' },
  license: { color: CONVEYANCE_COLORS.license, boxType: 'Licenses', category: 'License' },
  release: { color: CONVEYANCE_COLORS.release, boxType: 'Security', category: 'Release' },
  security: { color: CONVEYANCE_COLORS.security, boxType: 'Security', category: 'Security' },
  assignment: OWNERSHIP,
  missing: OWNERSHIP,
  partialassignment: OWNERSHIP,
  option: OWNERSHIP,
  courtorder: OWNERSHIP,
  courtappointment: OWNERSHIP,
  licenseend: { color: CONVEYANCE_COLORS.license, boxType: 'Licenses', category: 'LicenseEnd' },
  other: OWNERSHIP,
};

const CONVEYANCE_DISPLAY_NAMES: Record<ConveyType, string> = {
  correct: 'Correction',
  employee: 'Employee',
  govern: 'Government interest',
  merger: 'Merger',
  namechg: 'Name change',
  license: 'License',
  release: 'Release',
  security: 'Security',
  assignment: 'Assignment',
  missing: 'Unclassified',
  partialassignment: 'Partial assignment',
  option: 'Option',
  courtorder: 'Court order',
  courtappointment: 'Court appointment',
  licenseend: 'License end',
  other: 'Other',
};

/** Default `chain.linkTypes` (D-2): the conveyances that carry title along a chain. */
export const DEFAULT_CHAIN_LINK_TYPES = [
  'employee',
  'assignment',
  'merger',
  'namechg',
  'partialassignment',
  'courtorder',
] as const satisfies readonly ConveyType[];

/** Seed rows of the `conveyance_types` lookup (data-model §1.6), one per `convey_ty`. */
export const CONVEYANCE_TYPES: readonly ConveyanceTypeInfo[] = CONVEY_TYPES.map((conveyType) => {
  const rank = (CLASSIFIER_CONVEY_TYPES as readonly string[]).indexOf(conveyType);
  return {
    conveyType,
    displayName: CONVEYANCE_DISPLAY_NAMES[conveyType],
    sourceKind: rank >= 0 ? 'classifier' : 'override_only',
    priority: rank >= 0 ? rank + 1 : null,
    ...CONVEYANCE_STYLE[conveyType],
    isOta: (DEFAULT_CHAIN_LINK_TYPES as readonly string[]).includes(conveyType),
  };
});

const CONVEYANCE_TYPE_BY_CODE = new Map(CONVEYANCE_TYPES.map((info) => [info.conveyType, info]));

export function isConveyType(value: string): value is ConveyType {
  return CONVEYANCE_TYPE_BY_CODE.has(value as ConveyType);
}

/** Lookup row for a type; undefined for a value outside the 16 codes. */
export function conveyanceTypeInfo(conveyType: string): ConveyanceTypeInfo | undefined {
  return CONVEYANCE_TYPE_BY_CODE.get(conveyType as ConveyType);
}
