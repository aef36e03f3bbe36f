import { UnrecoverableError, type Job } from 'bullmq';
import { epoFamilyProcessor } from './epo/family';
import { epoSweepProcessor } from './epo/sweep';
import { enrichCompanyProcessor } from './enrichment/company';
import { driveSheetProcessor } from './exports/drive-sheet';
import { exportFileProcessor } from './exports/export-file';
import { cleanupOrphansProcessor, cleanupRetentionProcessor } from './housekeeping/cleanup';
import { freshnessProcessor } from './housekeeping/freshness';
import { recountEntitiesProcessor } from './housekeeping/recount';
import { reapStalledProcessor } from './housekeeping/reap-stalled';
import {
  ingestApplicationsProcessor,
  ingestAssignmentsProcessor,
  ingestCpcProcessor,
  ingestCpcSchemeProcessor,
  ingestGrantsProcessor,
  ingestMaintenanceFeesProcessor,
} from './ingestion/files';
import { orgRunProcessor } from './pipeline/org-run';
import { rebuildRequestProcessor, treeRequestProcessor } from './pipeline/request';
import { pipelineStepProcessor } from './pipeline/step';
import type { JobProcessor, ProcessorContext } from './types';

/** Job name → processor. A job type without an entry here is not consumed by this worker. */
export const PROCESSORS: ReadonlyMap<string, JobProcessor<never>> = new Map(
  [
    ingestAssignmentsProcessor,
    ingestGrantsProcessor,
    ingestApplicationsProcessor,
    ingestMaintenanceFeesProcessor,
    ingestCpcProcessor,
    ingestCpcSchemeProcessor,
    epoFamilyProcessor,
    epoSweepProcessor,
    enrichCompanyProcessor,
    orgRunProcessor,
    pipelineStepProcessor,
    rebuildRequestProcessor,
    treeRequestProcessor,
    freshnessProcessor,
    recountEntitiesProcessor,
    reapStalledProcessor,
    cleanupRetentionProcessor,
    cleanupOrphansProcessor,
    exportFileProcessor,
    driveSheetProcessor,
  ].map((processor) => [processor.name, processor as JobProcessor<never>]),
);

/** Validates the payload with the job's zod schema and runs its processor. */
export async function dispatchJob(
  job: Job,
  context: ProcessorContext,
  token: string | undefined,
): Promise<unknown> {
  const processor = PROCESSORS.get(job.name);
  if (!processor) throw new UnrecoverableError(`no processor for job ${job.name}`);
  const parsed = processor.payload.safeParse(job.data);
  // A bad payload can never succeed on retry: fail the job at once.
  if (!parsed.success)
    throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
  return processor.handle(parsed.data as never, job, context, token);
}
