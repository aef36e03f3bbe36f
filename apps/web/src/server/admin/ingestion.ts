import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { recordAudit } from '../auth/accounts';
import type { UserPrincipal } from '../http/api-route';
import type { ServerDeps } from '../http/deps';
import {
  enqueueFileLoad,
  ingestionQueue,
  pendingJobsOf,
  RUNNABLE_SOURCES,
  type RunnableSource,
} from '../jobs/ingestion-queue';

type Meta = { ip: string; userAgent: string | null; requestId: string };

const isRunnable = (key: string): key is RunnableSource => key in RUNNABLE_SOURCES;

/**
 * Retry of a failed ingestion job (product.md #84). Its BullMQ job, while the queue still holds it, is moved
 * back to waiting with its own payload; otherwise the job's file is queued again from its recorded URL.
 */
export async function retryIngestionJob(
  tx: Tx,
  deps: ServerDeps,
  principal: UserPrincipal,
  jobId: string,
  meta: Meta,
) {
  const { rows } = await tx.execute<{
    status: string;
    bullmq_job_id: string | null;
    source: string;
    remote_url: string | null;
  }>(sql`
    select j.status, j.bullmq_job_id, s.key as source, f.remote_url
      from ingestion_jobs j join data_sources s on s.id = j.data_source_id left join ingestion_files f on f.id = j.ingestion_file_id
     where j.id = ${jobId}`);
  const job = rows[0];
  if (!job) throw AppError.notFound('Ingestion job');
  if (job.status !== 'failed')
    throw new AppError('CONFLICT', 'Only a failed job can be retried', { status: job.status });
  const queued = job.bullmq_job_id ? await ingestionQueue(deps).getJob(job.bullmq_job_id) : undefined;
  let bullmqJobId: string;
  if (queued && (await queued.getState()) === 'failed') {
    await queued.retry('failed');
    bullmqJobId = queued.id!;
  } else if (job.remote_url && isRunnable(job.source)) {
    bullmqJobId = await enqueueFileLoad(deps, job.source, [job.remote_url], 'retry');
  } else {
    throw new AppError(
      'CONFLICT',
      'This job can no longer be retried: its queue entry is gone and no file URL was recorded',
    );
  }
  await recordAudit(tx, null, {
    action: 'ingestion.retry',
    actorUserId: principal.userId,
    targetType: 'ingestion_job',
    targetId: jobId,
    metadata: { bullmqJobId },
    ...meta,
  });
  return { jobId, queueJobId: bullmqJobId, status: 'waiting' as const };
}

/**
 * "Run now" of a source (product.md #85, B3.2): a file load of the given URLs in the worker's ingestion queue,
 * or without URLs a poll of the source's product for new files; 409 while a load of that source is queued or
 * running. Only sources with a worker processor can run.
 */
export async function runSourceNow(
  tx: Tx,
  deps: ServerDeps,
  principal: UserPrincipal,
  source: string,
  files: string[] | undefined,
  backfill: boolean,
  meta: Meta,
) {
  const known = await tx.execute<{ is_active: boolean }>(
    sql`select is_active from data_sources where key = ${source}`,
  );
  if (!known.rows.length) throw AppError.notFound('Data source');
  if (!isRunnable(source)) {
    throw new AppError('UNPROCESSABLE_ENTITY', 'This source has no file-load processor in the worker yet', {
      source,
      runnable: Object.keys(RUNNABLE_SOURCES),
    });
  }
  const pending = await pendingJobsOf(deps, RUNNABLE_SOURCES[source]);
  if (pending.length)
    throw new AppError('CONFLICT', 'A load of this source is already queued or running', {
      queueJobId: pending[0]!.id,
    });
  const jobId = await enqueueFileLoad(deps, source, files, backfill ? 'backfill' : 'manual');
  await recordAudit(tx, null, {
    action: 'ingestion.run',
    actorUserId: principal.userId,
    targetType: 'data_source',
    targetId: source,
    metadata: { jobId, files: files?.length ?? 'poll' },
    ...meta,
  });
  return { jobId, status: 'queued' as const };
}
