import { z } from 'zod';

/** The fixes #81 runs; `renormalize` is the entity normalization of the organization's Entities tab (B4). */
const fixType = z.enum(['reclass', 'rebuild_dashboard', 'fix_broken_chain']);
export type FixType = z.infer<typeof fixType>;

export const FIX_LABELS: Record<FixType, string> = {
  reclass: 'Reclassify conveyances',
  rebuild_dashboard: 'Rebuild dashboards',
  fix_broken_chain: 'Recheck broken chains',
};

/** The form's edge: target ids are optional, separated by lines, spaces or commas, at most 1000 (as #81). */
export const fixRequest = z.object({
  orgId: z.uuid('Choose an organization'),
  fixType,
  targetIds: z
    .string()
    .transform((text) => text.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.uuid('Each target id must be a UUID')).max(1000, 'At most 1000 target ids'))
    .transform((ids) => (ids.length ? ids : undefined)),
});
export type FixRequest = z.output<typeof fixRequest>;
