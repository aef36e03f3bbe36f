import { UnrecoverableError } from 'bullmq';
import {
  ASSIGNMENTS_SOURCE_KEY,
  BIBLIOGRAPHIC_SOURCE_KEYS,
  ingestAssignmentFile,
  ingestBibliographicFile,
  type IngestAssignmentsResult,
} from '@patentrack/ingestion';
import type { PipelineStep } from '@patentrack/shared';
import { z } from 'zod';
import { publishAdminEvent } from '../../live/events';
import { metrics } from '../../observability/metrics';
import { defineProcessor, type JobProcessor, type ProcessorContext } from '../types';
import { fanOutIngestionJob } from './fan-out';

/** Files to load: local paths or URLs (manual runs, backfills, and files a discovery job found). */
export const fileIngestionPayload = z.object({
  sources: z.array(z.string().min(1)).min(1),
  trigger: z.enum(['cron', 'manual', 'retry', 'backfill', 'on_demand']).default('manual'),
});
type FileIngestionPayload = z.infer<typeof fileIngestionPayload>;

/** Error classes a retry cannot fix (ingestion.md §2.4): the job fails at once. */
const PERMANENT_CLASSES = new Set(['auth', 'permanent', 'data']);

interface FileSource {
  jobName: string;
  sourceKey: string;
  /** Where runs of affected organizations start (ingestion.md §2.10). */
  startFrom: PipelineStep;
  ingest(
    source: string,
    payload: FileIngestionPayload,
    context: ProcessorContext,
    bullmqJobId: string | undefined,
    attempt: number,
  ): Promise<IngestAssignmentsResult>;
}

function fileIngestionProcessor(file: FileSource): JobProcessor<FileIngestionPayload> {
  return defineProcessor({
    name: file.jobName,
    payload: fileIngestionPayload,
    async handle(payload, job, context) {
      const results = [];
      for (const source of payload.sources) {
        const summary = await file.ingest(source, payload, context, job.id, job.attemptsMade + 1);
        if (summary.status === 'skipped') {
          results.push({ source, status: 'skipped' });
          continue;
        }
        metrics.ingestionRuns.inc({ source: file.sourceKey, status: summary.status });
        for (const outcome of ['inserted', 'updated', 'unchanged', 'skipped', 'failed', 'warned'] as const) {
          metrics.ingestionRecords.inc({ source: file.sourceKey, outcome }, summary[outcome]);
        }
        await publishAdminEvent(context.redis, {
          type: 'ingestion-progress',
          data: {
            jobId: summary.jobId,
            step: file.jobName,
            progress: 1,
            status: summary.status === 'failed' ? 'failed' : 'finished',
            counts: {
              processed: summary.processed,
              inserted: summary.inserted,
              updated: summary.updated,
              failed: summary.failed,
            },
          },
        });
        if (summary.status === 'failed') {
          const message = `${source}: ${summary.errorMessage ?? 'ingestion failed'}`;
          throw PERMANENT_CLASSES.has(summary.errorClass ?? '')
            ? new UnrecoverableError(message)
            : new Error(message);
        }
        const fanOut = await fanOutIngestionJob(context.pool, context.queues, {
          jobId: summary.jobId,
          source: file.jobName,
          startFrom: file.startFrom,
        });
        context.logger.info(
          {
            jobName: file.jobName,
            ingestionJobId: summary.jobId,
            organizations: fanOut.organizations.length,
          },
          'ingestion fan-out',
        );
        results.push({
          source,
          jobId: summary.jobId,
          status: summary.status,
          organizations: fanOut.organizations,
        });
      }
      return results;
    },
  });
}

export const ingestAssignmentsProcessor = fileIngestionProcessor({
  jobName: 'ingest:assignments',
  sourceKey: ASSIGNMENTS_SOURCE_KEY,
  startFrom: 'classify',
  ingest: (source, payload, context, bullmqJobId, attempt) =>
    ingestAssignmentFile({
      pool: context.pool,
      source,
      trigger: payload.trigger,
      bullmqJobId,
      attempt,
      logger: context.logger,
      ...context.ingest,
    }),
});

const bibliographic = (feed: keyof typeof BIBLIOGRAPHIC_SOURCE_KEYS, jobName: string) =>
  fileIngestionProcessor({
    jobName,
    sourceKey: BIBLIOGRAPHIC_SOURCE_KEYS[feed],
    // New inventors may turn assignments into employee links (BR-021…023).
    startFrom: 'flag',
    ingest: (source, payload, context, bullmqJobId, attempt) =>
      ingestBibliographicFile({
        feed,
        pool: context.pool,
        source,
        trigger: payload.trigger,
        bullmqJobId,
        attempt,
        logger: context.logger,
        ...context.ingest,
      }),
  });

export const ingestGrantsProcessor = bibliographic('grants', 'ingest:grants');
export const ingestApplicationsProcessor = bibliographic('applications', 'ingest:applications');
