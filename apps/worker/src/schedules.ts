import type { Logger } from '@patentrack/shared';
import { queueConfigFor, type Queues } from './queues';
import { PROCESSORS } from './processors/registry';

export interface ScheduleDefinition {
  /** Scheduler id; `CRON_<ID>` (upper-cased, `-` → `_`) overrides its pattern. */
  id: string;
  pattern: string;
  jobs: readonly string[];
  /** The outside service the jobs fetch from; its schedule runs only when its credentials are configured. */
  feed?: 'uspto' | 'epo';
}

/**
 * Credentials a feed needs, by environment variable. Without them the service refuses every request (ODP answers
 * 401), so a worker without them — the local demo, a test — never polls outside at all. The CPC scheme is
 * public but released with the monthly CPC files it describes, so it follows the USPTO feeds.
 */
const FEED_CREDENTIALS: Record<NonNullable<ScheduleDefinition['feed']>, readonly string[]> = {
  uspto: ['USPTO_ODP_API_KEY'],
  epo: ['EPO_OPS_KEY', 'EPO_OPS_SECRET'],
};

/** The cron table of ingestion.md §4 (UTC). */
export const SCHEDULES: readonly ScheduleDefinition[] = [
  { id: 'assignments', pattern: '0 2,14 * * *', jobs: ['ingest:assignments'], feed: 'uspto' },
  { id: 'grant-biblio', pattern: '0 4 * * 2', jobs: ['ingest:grants'], feed: 'uspto' },
  { id: 'app-biblio', pattern: '0 4 * * 4', jobs: ['ingest:applications'], feed: 'uspto' },
  { id: 'maintenance', pattern: '0 5 * * 3', jobs: ['ingest:maintenance-fees'], feed: 'uspto' },
  { id: 'cpc', pattern: '0 3 1 * *', jobs: ['ingest:cpc'], feed: 'uspto' },
  { id: 'cpc-scheme', pattern: '30 3 1 * *', jobs: ['ingest:cpc-scheme'], feed: 'uspto' },
  { id: 'epo-sweep', pattern: '0 6 * * *', jobs: ['ingest:epo-sweep'], feed: 'epo' },
  { id: 'freshness', pattern: '*/15 * * * *', jobs: ['monitor:freshness'] },
  { id: 'recount', pattern: '30 1 * * *', jobs: ['recount:entities'] },
  { id: 'reap', pattern: '*/5 * * * *', jobs: ['reap:stalled'] },
  { id: 'cleanup', pattern: '0 0 * * 0', jobs: ['cleanup:retention', 'cleanup:orphans'] },
];

export const cronOverrideVariable = (id: string) => `CRON_${id.toUpperCase().replaceAll('-', '_')}`;

/** The job data of every cron tick (ingestion.md §4). */
const CRON_JOB_DATA = { trigger: 'cron' } as const;

export interface ScheduleRegistration {
  registered: { schedulerId: string; job: string; pattern: string }[];
  skipped: { schedulerId: string; job: string; reason: string }[];
}

/**
 * Registers the cron schedulers idempotently (`upsertJobScheduler`); `CRON_ENABLED=false` skips all of them.
 * A scheduler is registered only when this worker consumes its job, the job's payload schema accepts a cron
 * tick's data and its feed's credentials are set; the others are removed and reported as skipped, so the gap is
 * visible in the start-up log.
 */
export async function registerSchedules(
  queues: Queues,
  options: { enabled: boolean; env?: NodeJS.ProcessEnv; logger?: Logger },
): Promise<ScheduleRegistration> {
  const result: ScheduleRegistration = { registered: [], skipped: [] };
  if (!options.enabled) return result;
  const env = options.env ?? process.env;
  for (const schedule of SCHEDULES) {
    const pattern = env[cronOverrideVariable(schedule.id)] ?? schedule.pattern;
    for (const job of schedule.jobs) {
      const schedulerId = schedule.jobs.length > 1 ? `${schedule.id}:${job}` : schedule.id;
      const config = queueConfigFor(job);
      const processor = PROCESSORS.get(job);
      const missing = schedule.feed ? FEED_CREDENTIALS[schedule.feed].filter((name) => !env[name]) : [];
      const reason = !processor
        ? 'no processor'
        : !processor.payload.safeParse(CRON_JOB_DATA).success
          ? 'its payload needs more than a cron trigger'
          : missing.length > 0
            ? `${missing.join(' and ')} not set`
            : null;
      if (!config || reason) {
        result.skipped.push({ schedulerId, job, reason: reason ?? 'no queue' });
        // A scheduler registered by an earlier start with other settings must not keep ticking.
        if (config) await queues[config.name as keyof Queues].removeJobScheduler(schedulerId);
        continue;
      }
      await queues[config.name as keyof Queues].upsertJobScheduler(
        schedulerId,
        { pattern, tz: 'UTC' },
        { name: job, data: CRON_JOB_DATA },
      );
      result.registered.push({ schedulerId, job, pattern });
    }
  }
  options.logger?.info(
    { registered: result.registered.map((r) => r.schedulerId), skipped: result.skipped },
    'cron schedules',
  );
  return result;
}
