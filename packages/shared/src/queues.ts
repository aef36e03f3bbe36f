/**
 * BullMQ queue names (ingestion.md §4). The worker consumes them; the web enqueues requests and lists them
 * (job dashboard, queue-depth metrics) with the same `QUEUE_PREFIX`.
 */
export const QUEUE_NAMES = ['ingestion', 'epo', 'enrichment', 'pipeline', 'housekeeping', 'exports'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Jobs the web adds to the `pipeline` queue, payload `{ orgId, triggeredBy?, from? }`: a full rebuild of an
 * organization (admin action, configuration change) and a rebuild after company or entity-override edits.
 */
export const PIPELINE_REQUEST_JOBS = { rebuild: 'pipeline:org:rebuild', tree: 'pipeline:org:tree' } as const;

/** The job the web adds to the `exports` queue (#55); the worker writes the file and reports `job-complete`. */
export const EXPORT_JOB = 'export:file';

/** The job the web adds to the `exports` queue for an export to a Google Sheet (#70), reported as `drive_export`. */
export const DRIVE_EXPORT_JOB = 'export:drive-sheet';
