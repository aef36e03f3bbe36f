import { describe, expect, it } from 'vitest';
import { EXPORT_JOB, PIPELINE_REQUEST_JOBS, QUEUE_NAMES } from '@patentrack/shared';
import { PROCESSORS } from '../processors/registry';
import { cronOverrideVariable, SCHEDULES } from '../schedules';
import { QUEUE_CONFIGS, queueConfigFor } from './index';

const DAY = 86_400;

describe('queue configuration (ingestion.md §4)', () => {
  it.each([
    ['ingestion', 2, 3, 60_000, 7, 30],
    ['epo', 1, 5, 30_000, 3, 14],
    ['enrichment', 3, 5, 10_000, 3, 14],
    ['pipeline', 5, 4, 30_000, 7, 30],
    ['housekeeping', 1, 1, undefined, 1, 7],
    ['exports', 2, 1, undefined, 1, 7],
  ] as const)(
    '%s: concurrency %i, attempts %i, back-off %s ms, keeps %i d / %i d',
    (name, concurrency, attempts, delay, keepDone, keepFailed) => {
      const config = QUEUE_CONFIGS.find((c) => c.name === name)!;
      expect(config.concurrency).toBe(concurrency);
      expect(config.defaultJobOptions.attempts).toBe(attempts);
      const backoff = 'backoff' in config.defaultJobOptions ? config.defaultJobOptions.backoff : undefined;
      expect(backoff?.delay).toBe(delay);
      expect(config.defaultJobOptions.removeOnComplete).toEqual({ age: keepDone * DAY });
      expect(config.defaultJobOptions.removeOnFail).toEqual({ age: keepFailed * DAY });
    },
  );

  it('a pipeline run retries three times after 30, 60 and 120 s (business-rules §5.0)', () => {
    const { attempts, backoff } = queueConfigFor('pipeline:org')!.defaultJobOptions;
    const delays = Array.from(
      { length: (attempts ?? 1) - 1 },
      (_, retry) => (backoff as { delay: number }).delay * 2 ** retry,
    );
    expect(delays).toEqual([30_000, 60_000, 120_000]);
  });

  it('the queues and request jobs the web uses are the ones the worker consumes', () => {
    expect(QUEUE_CONFIGS.map((c) => c.name)).toEqual([...QUEUE_NAMES]);
    for (const job of Object.values(PIPELINE_REQUEST_JOBS))
      expect(queueConfigFor(job)?.name, job).toBe('pipeline');
    expect(queueConfigFor(EXPORT_JOB)?.name).toBe('exports');
  });

  it('every processor belongs to exactly one queue', () => {
    for (const name of PROCESSORS.keys()) {
      expect(
        QUEUE_CONFIGS.filter((c) => (c.jobNames as readonly string[]).includes(name)),
        name,
      ).toHaveLength(1);
    }
  });

  it('every scheduled job names a queue job, and overrides follow CRON_<ID>', () => {
    for (const schedule of SCHEDULES)
      for (const job of schedule.jobs) expect(queueConfigFor(job), job).toBeDefined();
    expect(cronOverrideVariable('grant-biblio')).toBe('CRON_GRANT_BIBLIO');
  });
});
