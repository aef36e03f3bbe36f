import { z } from 'zod';

/**
 * The ownership-diagram JSON (business-rules §5.8, schema version 1): produced by the pipeline's
 * `generate_json` step, stored in `asset_diagrams`, served by the API and rendered by the UI.
 */
export const DIAGRAM_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

/** D-18 box segments: 0 inventor, 1 owner, 2 bank, 3 third party. */
export const diagramSegmentSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export const diagramBoxTypeSchema = z.enum(['Inventor', 'Ownership', 'Security', '3rdParties', 'Licenses']);
/** Connection categories of business-rules §0.3, in legend order. */
export const diagramCategorySchema = z.enum([
  'Ownership',
  'NameChange',
  'Security',
  'Release',
  'License',
  'LicenseEnd',
  'Correct',
]);

/** Fallback colours per category (§0.3, D-17); a connection's own `color` is authoritative. */
export const DIAGRAM_CATEGORY_COLORS: Record<z.infer<typeof diagramCategorySchema>, string> = {
  Ownership: '#E60000',
  NameChange: '#2493f2',
  Security: '#ffaa00',
  Release: '#70A800',
  License: '#E6E600',
  LicenseEnd: '#E6E600',
  Correct: '#E60000',
};

export const diagramBoxSchema = z.object({
  id: z.number().int().positive(),
  entityKey: z.string(),
  name: z.string(),
  segment: diagramSegmentSchema,
  boxType: diagramBoxTypeSchema,
  color: hexColor.nullable(),
  date: isoDate.nullable(),
  flag: z
    .string()
    .regex(/^[a-z]{2}$/)
    .nullable(),
  assignmentNo: z.number().int().positive(),
});

export const diagramConnectionSchema = z.object({
  id: z.number().int().positive(),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  assignmentNo: z.number().int().positive(),
  category: diagramCategorySchema,
  label: z.string(),
  color: hexColor,
  rfId: z.string(),
  reelNo: z.number().int(),
  frameNo: z.number().int(),
  execDate: isoDate.nullable(),
  recordDate: isoDate.nullable(),
  popup: z.number().int().nonnegative(),
});

export const diagramPopupSchema = z.object({
  rfId: z.string(),
  reelNo: z.number().int(),
  frameNo: z.number().int(),
  conveyanceText: z.string().nullable(),
  conveyanceType: z.string(),
  assignors: z.array(z.string()),
  assignees: z.array(z.string()),
  execDate: isoDate.nullable(),
  recordDate: isoDate.nullable(),
  mailDate: isoDate.nullable(),
  pageCount: z.number().int().nullable(),
  correspondent: z.object({ name: z.string().nullable(), address: z.array(z.string()) }),
  daysExecToRecord: z.number().int().nullable(),
});

export const diagramGeneralSchema = z.object({
  application: z.string().nullable(),
  patent: z.string().nullable(),
  title: z.string().nullable(),
  appnoDate: isoDate.nullable(),
  grantDate: isoDate.nullable(),
  logoUrl: z.string().nullable(),
  status: z.enum(['complete', 'broken', 'divested']).nullable(),
  displayStatus: z.string().nullable(),
  encumbered: z.boolean(),
  generatedAt: z.string(),
});

export const diagramSchema = z.object({
  general: diagramGeneralSchema,
  boxes: z.array(diagramBoxSchema),
  connections: z.array(diagramConnectionSchema),
  popups: z.array(diagramPopupSchema),
});

/**
 * The API's chain-break hint for `?highlight=break` (product B5): `break_rf_id` with the boxes of the expected
 * holders and of the actual assignors from `asset_title_status`; null unless the reason is `chain_gap`.
 */
export const diagramBrokenLinkSchema = z.object({
  rfId: z.string(),
  fromBoxIds: z.array(z.number().int().positive()),
  toBoxIds: z.array(z.number().int().positive()),
});

/**
 * What #20 and #64 serve: the stored JSON plus `brokenLink`. A share link without the `connections` grant drops
 * `popups` and each connection's `popup` (product C #64), so both are optional here.
 */
export const diagramPayloadSchema = diagramSchema.extend({
  connections: z.array(diagramConnectionSchema.extend({ popup: z.number().int().nonnegative().optional() })),
  popups: z.array(diagramPopupSchema).optional(),
  brokenLink: diagramBrokenLinkSchema.nullable().optional(),
});

export type DiagramJson = z.infer<typeof diagramSchema>;
export type DiagramPayload = z.infer<typeof diagramPayloadSchema>;
/** A connection as served: the stored one, with `popup` absent when a share link withholds the popups. */
export type DiagramPayloadConnection = DiagramPayload['connections'][number];
export type DiagramBrokenLink = z.infer<typeof diagramBrokenLinkSchema>;
export type DiagramSegment = z.infer<typeof diagramSegmentSchema>;
export type DiagramBox = z.infer<typeof diagramBoxSchema>;
export type DiagramConnection = z.infer<typeof diagramConnectionSchema>;
export type DiagramPopup = z.infer<typeof diagramPopupSchema>;
export type DiagramCategory = z.infer<typeof diagramCategorySchema>;
