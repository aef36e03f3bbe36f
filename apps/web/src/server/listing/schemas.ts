import { z } from 'zod';
import { PAGE_LIMIT } from '@patentrack/shared';

/** Free text from a client: trimmed, bounded, and without NUL (PostgreSQL text cannot hold it). */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'Must not contain NUL characters');

/** A real calendar date `YYYY-MM-DD` (2024-02-30 is refused here rather than by the database). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(parsed.getTime()) &&
      parsed.toISOString().startsWith(value) &&
      parsed.getUTCFullYear() >= 1700
    );
  }, 'Not a calendar date');

/** Query parameters of every list (architecture §7.4): keyset cursor, `limit` 1–100 (default 50), `order`. */
export const pageQuery = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(PAGE_LIMIT.max).default(PAGE_LIMIT.default),
    cursor: z
      .string()
      .max(1000)
      .regex(/^[A-Za-z0-9_-]+$/, 'Malformed cursor')
      .optional(),
    order: z.enum(['asc', 'desc']).optional(),
    ...shape,
  });

/** `Page<T>` of product.md Part C. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    data: z.array(item),
    cursor: z.object({ next: z.string().nullable(), hasMore: z.boolean() }),
    total: z.number().int().nonnegative(),
    totalIsApproximate: z.boolean().optional(),
  });

export const dataOf = <Schema extends z.ZodType>(schema: Schema) => z.object({ data: schema });

/** Answer of an async command (product.md Part C: `202 {data: {jobId, status: 'queued'}}`). */
export const queuedJobSchema = dataOf(z.looseObject({ jobId: z.string(), status: z.literal('queued') }));

export const successSchema = dataOf(z.object({ success: z.literal(true) }));

export const nullableDate = z.string().nullable();
export const uuidParam = z.uuid();
