import type pg from 'pg';
import type { Logger } from '@patentrack/shared';
import { IngestionError, errorClassOf, type IngestionErrorClass } from './errors';
import { rawDataJson, type RecordIssue } from './record-issues';

export type IngestionTrigger = 'cron' | 'manual' | 'retry' | 'backfill' | 'on_demand';
export type JobOutcome = 'success' | 'partial' | 'failed';

/** Per-batch result of a source's loader; `processed` counters are derived from it. */
export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface JobCounters extends BatchCounts {
  processed: number;
  failed: number;
  warned: number;
}

/** Thresholds of ingestion.md §2.8. */
export interface ErrorThresholds {
  maxErrorRate: number;
  maxErrors: number;
  maxErrorRows: number;
}

export const DEFAULT_ERROR_THRESHOLDS: ErrorThresholds = {
  maxErrorRate: 0.05,
  maxErrors: 10_000,
  maxErrorRows: 10_000,
};

export interface StartJobOptions {
  sourceKey: string;
  fileName: string;
  fileDate?: string | null;
  remoteUrl?: string | null;
  fileSizeBytes?: number | null;
  trigger: IngestionTrigger;
  bullmqJobId?: string | null;
  attempt?: number;
  thresholds?: ErrorThresholds;
  logger?: Logger;
}

/** Summary of a finished job: what the CLI prints and the queue layer reads. */
export interface JobSummary extends JobCounters {
  jobId: string;
  status: JobOutcome;
  errorClass: IngestionErrorClass | null;
  errorMessage: string | null;
  durationMs: number;
}

/**
 * Every job transaction is safe to redo, so its commit need not wait for the WAL flush: a database crash can only
 * lose the latest transactions whole, and the re-run of the file restores them.
 */
const BEGIN_JOB_TRANSACTION = 'BEGIN; SET LOCAL synchronous_commit = off';

/** Counters and issues a transaction is storing: applied in memory on commit, given back on rollback. */
interface BatchClaim {
  commit(): void;
  release(): void;
}

function isClaim(value: unknown): value is BatchClaim {
  return typeof value === 'object' && value !== null && 'commit' in value && 'release' in value;
}

const COUNTER_KEYS = [
  'processed',
  'inserted',
  'updated',
  'unchanged',
  'skipped',
  'failed',
  'warned',
] as const;

function emptyCounters(): JobCounters {
  return { processed: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, warned: 0 };
}

function addCounters(a: JobCounters, b: JobCounters): JobCounters {
  const sum = emptyCounters();
  for (const key of COUNTER_KEYS) sum[key] = a[key] + b[key];
  return sum;
}

const EMPTY_BATCH: BatchCounts = { inserted: 0, updated: 0, unchanged: 0, skipped: 0 };
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '57P01', '08006', '08003']);
const MAX_TRANSACTION_RETRIES = 3;

/** Record-level database failures (data exceptions, integrity violations): isolate the record, go on. */
export function isRecordLevelDbError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

function dbErrorType(error: unknown): RecordIssue['errorType'] {
  return (error as { code?: string }).code === '23503' ? 'foreign_key' : 'constraint';
}

/**
 * Bookkeeping of one ingestion job (ingestion.md §2.9): the run guard, the `ingestion_jobs` / `ingestion_files`
 * / `data_sources` life cycle, batch transactions with counters and heartbeat, and the `ingestion_errors` writer.
 *
 * The run guard is a session advisory lock on a dedicated connection: it dies with the process, so a crashed
 * run never blocks the next one, and the next run marks the crashed run's `running` row as failed.
 */
export class IngestionJob {
  /** Counters already stored on the job row. */
  private readonly committed: JobCounters = emptyCounters();
  /** Failures, warnings and skips noticed since, stored with the next transaction. */
  private readonly uncommitted: JobCounters = emptyCounters();
  private pendingIssues: RecordIssue[] = [];
  private errorRowsWritten = 0;
  private readonly startedAt = Date.now();
  private finished = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly lockClient: pg.PoolClient,
    readonly jobId: string,
    readonly dataSourceId: string,
    readonly fileId: string,
    /**
     * Jobs of this source that a dead process left `running` and whose after-steps (recounts, fan-out) are still
     * owed; this job does them with its own and then calls `clearInterrupted` in the same transaction.
     */
    readonly interruptedJobIds: string[],
    private readonly options: StartJobOptions,
    private readonly thresholds: ErrorThresholds,
  ) {}

  /** Starts a job, or returns null when another live process already runs this source. */
  static async start(pool: pg.Pool, options: StartJobOptions): Promise<IngestionJob | null> {
    const lockClient = await pool.connect();
    try {
      const { rows: lock } = await lockClient.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('ingest:' || $1)) AS locked`,
        [options.sourceKey],
      );
      if (!lock[0]?.locked) {
        lockClient.release();
        return null;
      }
      const { rows: sources } = await lockClient.query<{ id: string }>(
        `SELECT id FROM data_sources WHERE key = $1`,
        [options.sourceKey],
      );
      const dataSourceId = sources[0]?.id;
      if (!dataSourceId) throw new IngestionError('permanent', `Unknown data source '${options.sourceKey}'`);
      await lockClient.query('BEGIN');
      // We hold the lock, so any job still `running` belongs to a process that died without finishing.
      await lockClient.query(
        `UPDATE ingestion_jobs SET status = 'failed', error_class = 'transient', completed_at = now(),
                error_message = 'Interrupted: the process ended before the job finished',
                metadata = metadata || '{"afterStepsPending": true}'::jsonb
          WHERE data_source_id = $1 AND status = 'running'`,
        [dataSourceId],
      );
      // Interrupted jobs whose after-steps no later run completed yet, however many runs died in between.
      const { rows: interrupted } = await lockClient.query<{ id: string }>(
        `SELECT id FROM ingestion_jobs WHERE data_source_id = $1 AND metadata ? 'afterStepsPending'`,
        [dataSourceId],
      );
      await lockClient.query(`UPDATE data_sources SET last_run_at = now() WHERE id = $1`, [dataSourceId]);
      const { rows: files } = await lockClient.query<{ id: string }>(
        `INSERT INTO ingestion_files (data_source_id, file_name, file_date, remote_url, size_bytes, status, attempts)
         VALUES ($1, $2, $3, $4, $5, 'processing', 1)
         ON CONFLICT (data_source_id, file_name) DO UPDATE
           SET status = 'processing', attempts = ingestion_files.attempts + 1,
               file_date = coalesce(EXCLUDED.file_date, ingestion_files.file_date),
               remote_url = coalesce(EXCLUDED.remote_url, ingestion_files.remote_url),
               size_bytes = coalesce(EXCLUDED.size_bytes, ingestion_files.size_bytes), last_error = NULL
         RETURNING id`,
        [
          dataSourceId,
          options.fileName,
          options.fileDate ?? null,
          options.remoteUrl ?? null,
          options.fileSizeBytes ?? null,
        ],
      );
      const fileId = files[0]!.id;
      const { rows: jobs } = await lockClient.query<{ id: string }>(
        `INSERT INTO ingestion_jobs (data_source_id, ingestion_file_id, trigger, status, bullmq_job_id, attempt,
                                     started_at, heartbeat_at, file_name, file_size_bytes)
         VALUES ($1, $2, $3, 'running', $4, $5, now(), now(), $6, $7) RETURNING id`,
        [
          dataSourceId,
          fileId,
          options.trigger,
          options.bullmqJobId ?? null,
          options.attempt ?? 1,
          options.fileName,
          options.fileSizeBytes ?? null,
        ],
      );
      const jobId = jobs[0]!.id;
      await lockClient.query(`UPDATE ingestion_files SET last_ingestion_job_id = $2 WHERE id = $1`, [
        fileId,
        jobId,
      ]);
      await lockClient.query('COMMIT');
      return new IngestionJob(
        pool,
        lockClient,
        jobId,
        dataSourceId,
        fileId,
        interrupted.map((row) => row.id),
        options,
        options.thresholds ?? DEFAULT_ERROR_THRESHOLDS,
      );
    } catch (error) {
      await lockClient.query('ROLLBACK').catch(() => undefined);
      await lockClient.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
      lockClient.release();
      throw error;
    }
  }

  /** Moves the file ledger along `downloading → downloaded` and records what was fetched. */
  async recordDownload(
    status: 'downloading' | 'downloaded',
    download?: { bytes: number; sha256: string; sizeBytes?: number },
  ): Promise<void> {
    await this.pool.query(
      `UPDATE ingestion_files SET status = $2, checksum_sha256 = coalesce($3, checksum_sha256),
              size_bytes = coalesce($4, size_bytes) WHERE id = $1`,
      [this.fileId, status, download?.sha256 ?? null, download?.sizeBytes ?? download?.bytes ?? null],
    );
    if (download) {
      await this.pool.query(
        `UPDATE ingestion_jobs SET bytes_downloaded = $2, file_size_bytes = coalesce(file_size_bytes, $2) WHERE id = $1`,
        [this.jobId, download.bytes],
      );
    }
    if (status === 'downloaded') {
      await this.pool.query(`UPDATE ingestion_files SET status = 'processing' WHERE id = $1`, [this.fileId]);
    }
  }

  /** Queues a bad or repaired record; it is written with the next committed batch. */
  reportIssue(issue: RecordIssue): void {
    if (issue.severity === 'error') {
      this.uncommitted.failed += 1;
      this.uncommitted.processed += 1;
    } else {
      this.uncommitted.warned += 1;
    }
    this.pendingIssues.push(issue);
  }

  /** Marks the interrupted jobs' after-steps as done; call inside the transaction that did them. */
  async clearInterrupted(client: pg.PoolClient): Promise<void> {
    if (this.interruptedJobIds.length === 0) return;
    await client.query(
      `UPDATE ingestion_jobs SET metadata = metadata - 'afterStepsPending' WHERE id = ANY($1::uuid[])`,
      [this.interruptedJobIds],
    );
  }

  /** Records that were read but deliberately not written (a later duplicate in the same file wins). */
  countSkipped(count: number): void {
    this.uncommitted.skipped += count;
    this.uncommitted.processed += count;
  }

  /** Counters of the job so far, committed or not. */
  get counters(): JobCounters {
    return addCounters(this.committed, this.uncommitted);
  }

  /**
   * Writes one batch in one transaction together with the queued issues, counters and heartbeat. A batch that
   * hits a record-level database error is bisected so that only the offending records are skipped (§2.7).
   * `prepare` runs on the same connection in a transaction committed just before: for idempotent global
   * upserts (new entity keys) whose row locks concurrent batches would otherwise wait on until this one commits.
   */
  async commitBatch<T, P = undefined>(
    records: T[],
    write: (client: pg.PoolClient, records: T[], prepared: P) => Promise<BatchCounts>,
    describe: (record: T) => { identifier: string; raw: unknown },
    prepare?: (client: pg.PoolClient, records: T[]) => Promise<P>,
  ): Promise<void> {
    try {
      let prepared = undefined as P;
      await this.transaction(
        async (client) => this.applyBatch(client, await write(client, records, prepared)),
        prepare &&
          (async (client) => {
            prepared = await prepare(client, records);
          }),
      );
    } catch (error) {
      if (!isRecordLevelDbError(error)) throw error;
      if (records.length === 1) {
        const { identifier, raw } = describe(records[0]!);
        this.reportIssue({
          severity: 'error',
          errorType: dbErrorType(error),
          recordIdentifier: identifier,
          location: null,
          message: `Rejected by the database: ${(error as Error).message}`,
          raw,
        });
        await this.flushIssues();
        return;
      }
      const middle = Math.ceil(records.length / 2);
      await this.commitBatch(records.slice(0, middle), write, describe, prepare);
      await this.commitBatch(records.slice(middle), write, describe, prepare);
    }
    this.checkErrorRate();
  }

  /**
   * Stores counts of records written outside the job's own transactions (a COPY stream), with the queued issues
   * and a heartbeat, then applies the error thresholds like a committed batch.
   */
  async checkpoint(batch: BatchCounts): Promise<void> {
    await this.transaction((client) => this.applyBatch(client, batch));
    this.checkErrorRate();
  }

  /** Writes queued issues and counters without records (end of file, or a batch of only bad records). */
  async flushIssues(): Promise<void> {
    if (this.pendingIssues.length === 0) return;
    await this.transaction((client) => this.applyBatch(client, EMPTY_BATCH));
  }

  /** Ends the job, updates the file ledger and the source's freshness fields, and releases the run guard. */
  async finish(failure?: unknown, metadata: Record<string, unknown> = {}): Promise<JobSummary> {
    if (this.finished) throw new Error('Ingestion job already finished');
    this.finished = true;
    const status: JobOutcome = failure ? 'failed' : this.counters.failed > 0 ? 'partial' : 'success';
    const errorClass = failure ? errorClassOf(failure) : null;
    const errorMessage = failure ? (failure instanceof Error ? failure.message : String(failure)) : null;
    try {
      await this.transaction(async (client) => {
        await client.query(
          `UPDATE ingestion_jobs SET status = $2, completed_at = now(), heartbeat_at = now(), error_class = $3,
                  error_message = $4, metadata = metadata || $5::jsonb WHERE id = $1`,
          [this.jobId, status, errorClass, errorMessage, JSON.stringify(metadata)],
        );
        await client.query(
          `UPDATE ingestion_files SET status = $2::ingestion_file_status,
                  processed_at = CASE WHEN $2::ingestion_file_status = 'processed' THEN now() END, last_error = $3
            WHERE id = $1`,
          [this.fileId, failure ? 'failed' : 'processed', errorMessage],
        );
        if (failure) {
          await client.query(
            `UPDATE data_sources SET last_failure_at = now(), last_error = $2 WHERE id = $1`,
            [this.dataSourceId, errorMessage],
          );
        } else {
          await client.query(
            `UPDATE data_sources SET last_success_at = now(), last_error = NULL,
                    watermark_date = greatest(watermark_date, (SELECT file_date FROM ingestion_files WHERE id = $2))
              WHERE id = $1`,
            [this.dataSourceId, this.fileId],
          );
        }
        // Last, so that nothing after the claim can fail inside this transaction.
        return this.applyBatch(client, EMPTY_BATCH);
      });
    } finally {
      await this.lockClient.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
      this.lockClient.release();
    }
    return {
      jobId: this.jobId,
      status,
      ...this.counters,
      errorClass,
      errorMessage,
      durationMs: Date.now() - this.startedAt,
    };
  }

  /**
   * Stores the queued issues and adds this batch's counters to the job row. What it stores is claimed at once, so
   * a concurrent batch cannot store it twice; the transaction settles the claim (commit or give back).
   */
  private async applyBatch(client: pg.PoolClient, batch: BatchCounts): Promise<BatchClaim> {
    const reported = { ...this.uncommitted };
    for (const key of COUNTER_KEYS) this.uncommitted[key] -= reported[key];
    const issues = this.pendingIssues;
    this.pendingIssues = [];
    const written = issues.slice(0, Math.max(0, this.thresholds.maxErrorRows - this.errorRowsWritten));
    this.errorRowsWritten += written.length;
    const delta = addCounters(reported, {
      ...batch,
      processed: batch.inserted + batch.updated + batch.unchanged + batch.skipped,
      failed: 0,
      warned: 0,
    });
    const claim: BatchClaim = {
      commit: () => {
        Object.assign(this.committed, addCounters(this.committed, delta));
      },
      release: () => {
        for (const key of COUNTER_KEYS) this.uncommitted[key] += reported[key];
        this.pendingIssues = [...issues, ...this.pendingIssues];
        this.errorRowsWritten -= written.length;
      },
    };
    try {
      if (written.length > 0) {
        await client.query(
          `INSERT INTO ingestion_errors (ingestion_job_id, severity, error_type, record_identifier, location,
                                         error_message, raw_data)
           SELECT $1, s, t, i, l, m, r::jsonb
             FROM unnest($2::error_severity[], $3::ingestion_error_type[], $4::varchar[], $5::varchar[], $6::text[],
                         $7::text[]) AS u(s, t, i, l, m, r)`,
          [
            this.jobId,
            written.map((i) => i.severity),
            written.map((i) => i.errorType),
            written.map((i) => i.recordIdentifier?.slice(0, 500) ?? null),
            written.map((i) => i.location?.slice(0, 200) ?? null),
            written.map((i) => i.message),
            written.map((i) => rawDataJson(i.raw)),
          ],
        );
      }
      // Increments, not totals: concurrent batches commit in any order.
      await client.query(
        `UPDATE ingestion_jobs SET records_processed = records_processed + $2, records_inserted = records_inserted + $3,
                records_updated = records_updated + $4, records_unchanged = records_unchanged + $5,
                records_skipped = records_skipped + $6, records_failed = records_failed + $7,
                records_warned = records_warned + $8, heartbeat_at = now() WHERE id = $1`,
        [
          this.jobId,
          delta.processed,
          delta.inserted,
          delta.updated,
          delta.unchanged,
          delta.skipped,
          delta.failed,
          delta.warned,
        ],
      );
    } catch (error) {
      claim.release();
      throw error;
    }
    return claim;
  }

  /**
   * Runs `body` in one transaction, retrying serialization failures, deadlocks and dropped connections. A claim
   * returned by the body is committed with the transaction or given back when it rolls back. `prelude` runs
   * on the same connection in a transaction of its own, committed first (and again on a retry).
   */
  async transaction<R>(
    body: (client: pg.PoolClient) => Promise<R>,
    prelude?: (client: pg.PoolClient) => Promise<void>,
  ): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const client = await this.pool.connect();
      let result: R | undefined;
      try {
        if (prelude) {
          await client.query(BEGIN_JOB_TRANSACTION);
          await prelude(client);
          await client.query('COMMIT');
        }
        await client.query(BEGIN_JOB_TRANSACTION);
        result = await body(client);
        await client.query('COMMIT');
        if (isClaim(result)) result.commit();
        return result;
      } catch (error) {
        if (isClaim(result)) result.release();
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (!code || !RETRYABLE_SQLSTATES.has(code) || attempt >= MAX_TRANSACTION_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
      } finally {
        client.release();
      }
    }
  }

  /** Aborts the job as a systematic `data` failure once bad records pass the thresholds (§2.8). */
  private checkErrorRate(): void {
    const { processed, failed } = this.counters;
    if (processed < 1000 && failed <= this.thresholds.maxErrors) return;
    if (failed > this.thresholds.maxErrors || failed / processed > this.thresholds.maxErrorRate) {
      throw IngestionError.data(
        `Too many bad records: ${failed} of ${processed} failed (limit ${this.thresholds.maxErrors} or ${this.thresholds.maxErrorRate * 100} %)`,
      );
    }
  }
}
