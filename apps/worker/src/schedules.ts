import type { Logger } from '@patentrack/shared';
import { queueConfigFor, type Queues } from './queues';
import { PROCESSORS } from './processors/registry';

export interface ScheduleDefinition {
  /** Scheduler id; `CRON_<ID>` (upper-cased, `-` → `_`) overrides its pattern. */
  id: string;
  pattern: string;
  jobs: readonly string[];
}

/** The cron table of ingestion.md §4 (UTC). */
export const SCHEDULES: readonly ScheduleDefinition[] = [
  { id: 'assignments', pattern: '0 2,14 * * *', jobs: ['ingest:assignments'] },
  { id: 'grant-biblio', pattern: '0 4 * * 2', jobs: ['ingest:grants'] },
  { id: 'app-biblio', pattern: '0 4 * * 4', jobs: ['ingest:applications'] },
  { id: 'maintenance', pattern: '0 5 * * 3', jobs: ['ingest:maintenance-fees'] },
  { id: 'cpc', pattern: '0 3 1 * *', jobs: ['ingest:cpc'] },
  { id: 'cpc-scheme', pattern: '30 3 1 * *', jobs: ['ingest:cpc-scheme'] },
  { id: 'epo-sweep', pattern: '0 6 * * *', jobs: ['ingest:epo-sweep'] },
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
 * A scheduler is registered only when this worker consumes its job and the job's payload schema accepts a cron
 * tick's data; the others are reported as skipped so the gap is visible in the start-up log.
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
      if (!config || !processor || !processor.payload.safeParse(CRON_JOB_DATA).success) {
        result.skipped.push({
          schedulerId,
          job,
          reason: processor ? 'its payload needs more than a cron trigger' : 'no processor',
        });
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
