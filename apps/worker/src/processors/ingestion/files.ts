import { UnrecoverableError } from 'bullmq';
import {
  ASSIGNMENTS_SOURCE_KEY,
  BIBLIOGRAPHIC_SOURCE_KEYS,
  ingestAssignmentFile,
  ingestBibliographicFile,
  ingestNewAssignmentFiles,
  ingestNewBibliographicFiles,
  ingestMaintenanceFile,
  ingestNewMaintenanceFiles,
  MAINTENANCE_SOURCE_KEY,
  CPC_MASTER_SOURCE_KEYS,
  cpcMasterDocType,
  ingestCpcMasterFile,
  ingestNewCpcMasterFiles,
  CPC_SCHEME_SOURCE_KEY,
  ingestCpcSchemeFile,
  ingestNewCpcScheme,
  type BibliographicFeed,
  type FileIngestionResult,
  type FileToIngest,
} from '@patentrack/ingestion';
import type { PipelineStep } from '@patentrack/shared';
import { z } from 'zod';
import { publishAdminEvent } from '../../live/events';
import { metrics } from '../../observability/metrics';
import { defineProcessor, type JobProcessor, type ProcessorContext } from '../types';
import { bumpCpcVersion } from './cpc-version';
import { fanOutIngestionJob } from './fan-out';

/**
 * Files to load: local paths or URLs (manual runs, backfills). Without `sources` the job polls its product for
 * new files (ingestion.md §2.2) — what a cron tick sends (`{ trigger: 'cron' }`).
 */
export const fileIngestionPayload = z.object({
  sources: z.array(z.string().min(1)).min(1).optional(),
  trigger: z.enum(['cron', 'manual', 'retry', 'backfill', 'on_demand']).default('manual'),
});
type FileIngestionPayload = z.infer<typeof fileIngestionPayload>;

/** Error classes a retry cannot fix (ingestion.md §2.4): the job fails at once. */
const PERMANENT_CLASSES = new Set(['auth', 'permanent', 'data']);

/** Who runs a load, for its `ingestion_jobs` row. */
interface LoadRun {
  payload: FileIngestionPayload;
  context: ProcessorContext;
  bullmqJobId: string | undefined;
  attempt: number;
}

type FileSource = {
  jobName: string;
  /** The `data_sources.key` of a loaded file; a function for a job that loads several sources (`ingest:cpc`). */
  sourceKey: string | ((source: string) => string);
  /** Loads one given file. */
  ingest(source: string, run: LoadRun): Promise<FileIngestionResult>;
  /** Polls the product and loads its new files oldest first, calling `onFileIngested` after each. */
  ingestNew(
    run: LoadRun,
    onFileIngested: (file: FileToIngest, result: FileIngestionResult) => Promise<void>,
  ): Promise<FileIngestionResult[]>;
} & (
  | {
      /** Where runs of affected organizations start (ingestion.md §2.10). */
      startFrom: PipelineStep;
    }
  | {
      /** For a source no pipeline step reads: what replaces the fan-out; returns the organizations reached. */
      afterLoad(jobId: string, context: ProcessorContext): Promise<string[]>;
    }
);

interface FileOutcome {
  source: string;
  status: string;
  jobId?: string;
  organizations?: string[];
}

function fileIngestionProcessor(file: FileSource): JobProcessor<FileIngestionPayload> {
  /** Records a loaded file (metrics, admin event) and fans its changes out; returns its failure, if any. */
  async function settle(
    source: string,
    summary: FileIngestionResult,
    context: ProcessorContext,
    outcomes: FileOutcome[],
  ): Promise<Error | undefined> {
    if (summary.status === 'skipped') {
      outcomes.push({ source, status: 'skipped' });
      return undefined;
    }
    const sourceKey = typeof file.sourceKey === 'string' ? file.sourceKey : file.sourceKey(source);
    metrics.ingestionRuns.inc({ source: sourceKey, status: summary.status });
    for (const outcome of ['inserted', 'updated', 'unchanged', 'skipped', 'failed', 'warned'] as const) {
      metrics.ingestionRecords.inc({ source: sourceKey, outcome }, summary[outcome]);
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
      outcomes.push({ source, status: summary.status, jobId: summary.jobId });
      const message = `${source}: ${summary.errorMessage ?? 'ingestion failed'}`;
      return PERMANENT_CLASSES.has(summary.errorClass ?? '')
        ? new UnrecoverableError(message)
        : new Error(message);
    }
    const organizations =
      'afterLoad' in file
        ? await file.afterLoad(summary.jobId, context)
        : (
            await fanOutIngestionJob(context.pool, context.queues, {
              jobId: summary.jobId,
              source: file.jobName,
              startFrom: file.startFrom,
            })
          ).organizations;
    context.logger.info(
      { jobName: file.jobName, ingestionJobId: summary.jobId, organizations: organizations.length },
      'ingestion fan-out',
    );
    outcomes.push({ source, status: summary.status, jobId: summary.jobId, organizations });
    return undefined;
  }

  return defineProcessor({
    name: file.jobName,
    payload: fileIngestionPayload,
    async handle(payload, job, context) {
      const run: LoadRun = { payload, context, bullmqJobId: job.id, attempt: job.attemptsMade + 1 };
      const outcomes: FileOutcome[] = [];
      if (payload.sources) {
        for (const source of payload.sources) {
          const failure = await settle(source, await file.ingest(source, run), context, outcomes);
          if (failure) throw failure;
        }
        return outcomes;
      }
      // A poll settles every file it loaded before failing the job, so a retry polls again and takes
      // only what is still new or failed.
      let firstFailure: Error | undefined;
      await file.ingestNew(run, async (listed, summary) => {
        const failure = await settle(listed.fileName, summary, context, outcomes);
        firstFailure ??= failure;
      });
      if (firstFailure) throw firstFailure;
      return outcomes;
    },
  });
}

/** The options every load shares: the worker pool, the job that runs it, the HTTP client and batch size. */
const loadOptions = ({ payload, context, bullmqJobId, attempt }: LoadRun) => ({
  pool: context.pool,
  trigger: payload.trigger,
  bullmqJobId,
  attempt,
  logger: context.logger,
  ...context.ingest,
});

/** What a poll adds: where the products are listed. */
const pollOptions = (
  run: LoadRun,
  onFileIngested: (file: FileToIngest, result: FileIngestionResult) => Promise<void>,
) => ({ ...loadOptions(run), baseUrl: run.context.ingest.odpBaseUrl, onFileIngested });

export const ingestAssignmentsProcessor = fileIngestionProcessor({
  jobName: 'ingest:assignments',
  sourceKey: ASSIGNMENTS_SOURCE_KEY,
  startFrom: 'classify',
  ingest: (source, run) => ingestAssignmentFile({ ...loadOptions(run), source }),
  ingestNew: (run, onFileIngested) => ingestNewAssignmentFiles(pollOptions(run, onFileIngested)),
});

const bibliographic = (feed: BibliographicFeed, jobName: string) =>
  fileIngestionProcessor({
    jobName,
    sourceKey: BIBLIOGRAPHIC_SOURCE_KEYS[feed],
    // New inventors may turn assignments into employee links (BR-021…023).
    startFrom: 'flag',
    ingest: (source, run) => ingestBibliographicFile({ ...loadOptions(run), feed, source }),
    ingestNew: (run, onFileIngested) =>
      ingestNewBibliographicFiles({ ...pollOptions(run, onFileIngested), feed }),
  });

export const ingestGrantsProcessor = bibliographic('grants', 'ingest:grants');
export const ingestApplicationsProcessor = bibliographic('applications', 'ingest:applications');

export const ingestMaintenanceFeesProcessor = fileIngestionProcessor({
  jobName: 'ingest:maintenance-fees',
  sourceKey: MAINTENANCE_SOURCE_KEY,
  // New fee events change fee dashboards only (ingestion.md §3.5 fan-out).
  startFrom: 'dashboard',
  ingest: (source, run) => ingestMaintenanceFile({ ...loadOptions(run), source }),
  ingestNew: (run, onFileIngested) => ingestNewMaintenanceFiles(pollOptions(run, onFileIngested)),
});

/** The file name of a path or URL: the master file's name says whether it holds grants or applications. */
const fileNameOf = (source: string) => source.split(/[?#]/)[0]!.split('/').pop() ?? source;

export const ingestCpcProcessor = fileIngestionProcessor({
  jobName: 'ingest:cpc',
  sourceKey: (source) => CPC_MASTER_SOURCE_KEYS[cpcMasterDocType(fileNameOf(source)) ?? 'grant'],
  afterLoad: bumpCpcVersion,
  ingest: (source, run) => ingestCpcMasterFile({ ...loadOptions(run), source }),
  ingestNew: (run, onFileIngested) => ingestNewCpcMasterFiles(pollOptions(run, onFileIngested)),
});

export const ingestCpcSchemeProcessor = fileIngestionProcessor({
  jobName: 'ingest:cpc-scheme',
  sourceKey: CPC_SCHEME_SOURCE_KEY,
  afterLoad: bumpCpcVersion,
  ingest: (source, run) => ingestCpcSchemeFile({ ...loadOptions(run), source }),
  ingestNew: (run, onFileIngested) =>
    ingestNewCpcScheme({ ...loadOptions(run), baseUrl: run.context.ingest.cpcSchemeBaseUrl, onFileIngested }),
});
