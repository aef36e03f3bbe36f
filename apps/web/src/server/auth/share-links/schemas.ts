import { z } from 'zod';
import { PAGE_LIMIT } from '@patentrack/shared';
import { SHARE_MAX_ASSETS } from '../config';

/** `expiresIn` choices of BR-046; `never` is for admins only. */
export const SHARE_EXPIRY_CHOICES = ['1h', '24h', '7d', '30d', '90d', 'never'] as const;
export type ShareExpiry = (typeof SHARE_EXPIRY_CHOICES)[number];
const EXPIRY_SECONDS: Record<Exclude<ShareExpiry, 'never'>, number> = {
  '1h': 3600,
  '24h': 86_400,
  '7d': 7 * 86_400,
  '30d': 30 * 86_400,
  '90d': 90 * 86_400,
};

export function expiresAtFor(choice: ShareExpiry, from: Date): Date | null {
  return choice === 'never' ? null : new Date(from.getTime() + EXPIRY_SECONDS[choice] * 1000);
}

/** BR-044: lookup accepts 24–32 characters, a lowercase letter then [a-z0-9]; anything else is a 404 without a query. */
export const shareCodeSchema = z.string().regex(/^[a-z][a-z0-9]{23,31}$/);

export const createShareSchema = z.object({
  name: z.string().trim().min(1).max(255),
  assetIds: z
    .array(z.uuid())
    .min(1)
    .max(SHARE_MAX_ASSETS)
    .refine((ids) => new Set(ids).size === ids.length, 'Duplicate asset ids'),
  expiresIn: z.enum(SHARE_EXPIRY_CHOICES).optional(),
  maxUses: z.number().int().min(1).max(10_000).nullable().optional(),
  allowDiagram: z.boolean().default(true),
  allowAssetList: z.boolean().default(true),
  allowConnections: z.boolean().default(false),
});
export type CreateShareInput = z.output<typeof createShareSchema>;

export const updateShareSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    assetIds: createShareSchema.shape.assetIds,
    expiresIn: z.enum(SHARE_EXPIRY_CHOICES),
    maxUses: z.number().int().min(1).max(10_000).nullable(),
    allowDiagram: z.boolean(),
    allowAssetList: z.boolean(),
    allowConnections: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to update');
export type UpdateShareInput = z.output<typeof updateShareSchema>;

export const pageQuerySchema = (max: number = PAGE_LIMIT.max) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(max).default(Math.min(PAGE_LIMIT.default, max)),
    cursor: z.string().max(500).optional(),
  });
