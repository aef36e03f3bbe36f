import { z } from 'zod';
import { invalidateOrgCache } from '../../live/events';
import { defineProcessor } from '../types';

const ERROR_RETENTION_DAYS = 90;
const CHANGES_RETENTION_DAYS = 7;

/** `cleanup:retention` (ingestion.md §6): bad-record rows after 90 days, change keys left over after 7. */
export const cleanupRetentionProcessor = defineProcessor({
  name: 'cleanup:retention',
  payload: z.object({ trigger: z.string().optional() }),
  async handle(_payload, _job, context) {
    const errors = await context.pool.query(
      `delete from ingestion_errors where created_at < now() - make_interval(days => $1)`,
      [ERROR_RETENTION_DAYS],
    );
    const changes = await context.pool.query(
      `delete from ingestion_changes c using ingestion_jobs j
        where j.id = c.ingestion_job_id and j.created_at < now() - make_interval(days => $1)`,
      [CHANGES_RETENTION_DAYS],
    );
    return { ingestionErrors: errors.rowCount ?? 0, ingestionChanges: changes.rowCount ?? 0 };
  },
});

/**
 * `cleanup:orphans` (ingestion.md §6): organizations soft-deleted longer than `ORG_PURGE_AFTER_DAYS` are
 * hard-deleted (tenant rows cascade), then their `org:{id}:*` cache keys are removed.
 */
export const cleanupOrphansProcessor = defineProcessor({
  name: 'cleanup:orphans',
  payload: z.object({ trigger: z.string().optional() }),
  async handle(_payload, _job, context) {
    const { rows } = await context.pool.query<{ id: string }>(
      `delete from organizations where deleted_at is not null and deleted_at < now() - make_interval(days => $1) returning id`,
      [context.orgPurgeAfterDays],
    );
    for (const { id } of rows) await invalidateOrgCache(context.redis, id);
    return { purged: rows.map((r) => r.id) };
  },
});
