import { z } from 'zod';
import { CONVEY_TYPES, DEFAULT_CHAIN_LINK_TYPES } from './conveyance';

/** Runtime product modes per organization (BR-061, default PRO per D-22). */
export const ENVIRONMENT_MODES = ['PRO', 'KPI', 'DASHBOARD', 'SAMPLE', 'SAMPLE-1', 'STANDARD'] as const;
export type EnvironmentMode = (typeof ENVIRONMENT_MODES)[number];

/** Share-link lifetimes a user may pick (BR-046). */
export const SHARE_EXPIRY_OPTIONS = ['1h', '24h', '7d', '30d', '90d', 'never'] as const;
export type ShareExpiry = (typeof SHARE_EXPIRY_OPTIONS)[number];

const groupThresholdBand = z.object({
  /** Applies when the shorter name has at most this many characters; null = any longer name. */
  maxLength: z.number().int().positive().nullable(),
  /** Names group when their distance is strictly below this value. */
  threshold: z.number().int().positive(),
});

const groupThresholdBands = z
  .array(groupThresholdBand)
  .min(1)
  .refine((bands) => bands.at(-1)?.maxLength === null, 'the last band must have maxLength null')
  .refine(
    (bands) =>
      bands
        .slice(0, -1)
        .every(
          (band, i) =>
            band.maxLength !== null && (i === 0 || band.maxLength > (bands[i - 1]?.maxLength ?? 0)),
        ),
    'band lengths must ascend',
  );

/**
 * Per-organization rules configuration (business-rules §0.2). Defaults follow the spec's decisions;
 * every `legacy*`/D-tagged switch can be flipped for parity runs against the legacy system.
 */
export const rulesConfigSchema = z.object({
  filter: z
    .object({
      /** BR-039 / D-13: keep assets whose application year is strictly greater. */
      appYearAfter: z.number().int().default(1999),
      /** BR-040 / D-14: required `layout_id`; null switches the filter off. */
      layoutId: z.number().int().nullable().default(15),
    })
    .prefault({}),
  normalize: z
    .object({
      /** BR-018 / D-9 length bands, keyed on the shorter name. */
      groupThreshold: groupThresholdBands.default([
        { maxLength: 10, threshold: 3 },
        { maxLength: 20, threshold: 4 },
        { maxLength: null, threshold: 5 },
      ]),
      /** D-8: whole-word suffix and single spaces; false reproduces the legacy artefacts. */
      wholeWordSuffix: z.boolean().default(true),
      /** D-12: Unicode-aware organization-suffix boundaries; false = legacy ASCII word boundaries. */
      unicodeBoundaries: z.boolean().default(true),
    })
    .prefault({}),
  inventor: z
    .object({
      /** BR-022: a variation matches when the distance is below this. */
      threshold: z.number().int().positive().default(5),
      /** D-11: single-token variations must match exactly; false = legacy `< threshold`. */
      singleTokenExact: z.boolean().default(true),
      /** D-10: case-insensitive, punctuation-stripped names and clean variations; false = legacy. */
      normalizeNames: z.boolean().default(true),
      /** D-12: organizations never match an inventor; false = legacy (no organization check). */
      excludeOrganizations: z.boolean().default(true),
    })
    .prefault({}),
  chain: z
    .object({
      /** D-2: conveyance types that carry title. */
      linkTypes: z.array(z.enum(CONVEY_TYPES)).default([...DEFAULT_CHAIN_LINK_TYPES]),
      /** D-5 / D-28: the chain must end with the company; false = legacy (never checked). */
      requireOwnerAtEnd: z.boolean().default(true),
      /** D-4: full party sets, skip exact re-recordings only; false = legacy pair walk (§4.3). */
      fullPartySets: z.boolean().default(true),
    })
    .prefault({}),
  encumbrance: z
    .object({
      /** D-6: pair releases with securities; false = legacy (every security and release listed). */
      matchReleases: z.boolean().default(true),
    })
    .prefault({}),
  share: z
    .object({
      defaultExpiry: z.enum(SHARE_EXPIRY_OPTIONS).default('30d'),
    })
    .prefault({}),
  /** Secured-party names for dashboard type 30; absent = the global `banks` list (OQ-25). */
  banks: z.array(z.string().min(1)).optional(),
  environmentMode: z.enum(ENVIRONMENT_MODES).default('PRO'),
});

export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type RulesConfigInput = z.input<typeof rulesConfigSchema>;

/** Validates a stored or submitted configuration and fills every default; throws a ZodError on bad input. */
export function parseRulesConfig(input: unknown = {}): RulesConfig {
  return rulesConfigSchema.parse(input ?? {});
}

export const DEFAULT_RULES_CONFIG: RulesConfig = parseRulesConfig({});

/** Switches that reproduce the spec's "Legacy" column for parity tests. */
export const LEGACY_PARITY_RULES_CONFIG: RulesConfig = parseRulesConfig({
  normalize: { wholeWordSuffix: false, unicodeBoundaries: false },
  inventor: { singleTokenExact: false, normalizeNames: false, excludeOrganizations: false },
  chain: { requireOwnerAtEnd: false, fullPartySets: false },
  encumbrance: { matchReleases: false },
});
