import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, instant, updatedAt } from '../columns';

export const dataSourceType = pgEnum('data_source_type', ['bulk_file', 'rest_api', 'on_demand_api']);
export const scheduleType = pgEnum('schedule_type', ['daily', 'weekly', 'monthly', 'on_demand']);
export const dataFormat = pgEnum('data_format', ['xml', 'json', 'fixed_width', 'tsv']);
export const ingestionFileStatus = pgEnum('ingestion_file_status', [
  'discovered',
  'downloading',
  'downloaded',
  'processing',
  'processed',
  'failed',
  'skipped',
  'superseded',
]);
export const ingestionTrigger = pgEnum('ingestion_trigger', [
  'cron',
  'manual',
  'retry',
  'backfill',
  'on_demand',
]);
export const jobStatus = pgEnum('job_status', [
  'pending',
  'running',
  'success',
  'partial',
  'failed',
  'skipped',
  'cancelled',
]);
export const errorClass = pgEnum('error_class', ['transient', 'permanent', 'rate_limit', 'auth', 'data']);
export const errorSeverity = pgEnum('error_severity', ['error', 'warning']);
export const ingestionErrorType = pgEnum('ingestion_error_type', [
  'parse',
  'validation',
  'constraint',
  'foreign_key',
  'duplicate',
  'http',
  'other',
]);
export const changeKeyType = pgEnum('change_key_type', ['rf_id', 'appno', 'grant']);

/** One row per feed (ingestion.md §1). Non-secret options only: credentials live in the environment. */
export const dataSources = pgTable('data_sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: varchar('key', { length: 64 }).notNull().unique('data_sources_key_key'),
  displayName: varchar('display_name', { length: 200 }).notNull(),
  sourceType: dataSourceType('source_type').notNull(),
  scheduleType: scheduleType('schedule_type').notNull(),
  scheduleCron: varchar('schedule_cron', { length: 100 }),
  /** The ODP product, e.g. PASDL. */
  productId: varchar('product_id', { length: 50 }),
  /** A regex matched against remote file names. */
  filePattern: text('file_pattern'),
  format: dataFormat('format').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  /** Null for feeds whose freshness is not monitored (on-demand enrichment). */
  freshnessWarnHours: integer('freshness_warn_hours'),
  freshnessCriticalHours: integer('freshness_critical_hours'),
  lastRunAt: instant('last_run_at'),
  lastSuccessAt: instant('last_success_at'),
  lastFailureAt: instant('last_failure_at'),
  lastError: text('last_error'),
  nextRunAt: instant('next_run_at'),
  /** The newest file date processed. */
  watermarkDate: calendarDate('watermark_date'),
  config: jsonb('config').notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Ledger of remote files, used to detect new ones. */
export const ingestionFiles = pgTable(
  'ingestion_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dataSourceId: uuid('data_source_id')
      .notNull()
      .references(() => dataSources.id),
    fileName: varchar('file_name', { length: 255 }).notNull(),
    fileDate: calendarDate('file_date'),
    remoteUrl: text('remote_url'),
    releasedAt: instant('released_at'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    checksumSha256: char('checksum_sha256', { length: 64 }),
    status: ingestionFileStatus('status').notNull().default('discovered'),
    attempts: smallint('attempts').notNull().default(0),
    lastIngestionJobId: uuid('last_ingestion_job_id').references((): AnyPgColumn => ingestionJobs.id, {
      onDelete: 'set null',
    }),
    discoveredAt: instant('discovered_at').notNull().defaultNow(),
    processedAt: instant('processed_at'),
    lastError: text('last_error'),
  },
  (t) => [
    unique('ingestion_files_source_file_key').on(t.dataSourceId, t.fileName),
    index('ingestion_files_status_idx').on(t.dataSourceId, t.status, t.fileDate),
  ],
);

export const ingestionJobs = pgTable(
  'ingestion_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dataSourceId: uuid('data_source_id')
      .notNull()
      .references(() => dataSources.id),
    ingestionFileId: uuid('ingestion_file_id').references((): AnyPgColumn => ingestionFiles.id, {
      onDelete: 'set null',
    }),
    trigger: ingestionTrigger('trigger').notNull(),
    status: jobStatus('status').notNull().default('pending'),
    bullmqJobId: varchar('bullmq_job_id', { length: 100 }),
    attempt: smallint('attempt').notNull().default(1),
    startedAt: instant('started_at'),
    heartbeatAt: instant('heartbeat_at'),
    completedAt: instant('completed_at'),
    recordsProcessed: integer('records_processed').notNull().default(0),
    recordsInserted: integer('records_inserted').notNull().default(0),
    recordsUpdated: integer('records_updated').notNull().default(0),
    recordsUnchanged: integer('records_unchanged').notNull().default(0),
    recordsSkipped: integer('records_skipped').notNull().default(0),
    recordsFailed: integer('records_failed').notNull().default(0),
    recordsWarned: integer('records_warned').notNull().default(0),
    fileName: varchar('file_name', { length: 255 }),
    fileSizeBytes: bigint('file_size_bytes', { mode: 'number' }),
    bytesDownloaded: bigint('bytes_downloaded', { mode: 'number' }),
    affectedOrgCount: integer('affected_org_count'),
    fanoutCompletedAt: instant('fanout_completed_at'),
    errorClass: errorClass('error_class'),
    errorMessage: text('error_message'),
    metadata: jsonb('metadata').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('ingestion_jobs_source_created_idx').on(t.dataSourceId, sql`${t.createdAt} DESC`),
    index('ingestion_jobs_active_idx')
      .on(t.status)
      .where(sql`${t.status} IN ('pending', 'running')`),
    /** One run per feed at a time, enforced by the database. */
    uniqueIndex('ingestion_jobs_one_running_key')
      .on(t.dataSourceId)
      .where(sql`${t.status} = 'running'`),
  ],
);

/** Bad records of a job (retained 90 days); the job goes on. */
export const ingestionErrors = pgTable(
  'ingestion_errors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ingestionJobId: uuid('ingestion_job_id')
      .notNull()
      .references(() => ingestionJobs.id, { onDelete: 'cascade' }),
    severity: errorSeverity('severity').notNull(),
    errorType: ingestionErrorType('error_type').notNull(),
    recordIdentifier: varchar('record_identifier', { length: 500 }),
    location: varchar('location', { length: 200 }),
    errorMessage: text('error_message').notNull(),
    /** At most 16 KB, trimmed by the writer. */
    rawData: jsonb('raw_data'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ingestion_errors_job_idx').on(t.ingestionJobId),
    index('ingestion_errors_record_idx').on(t.recordIdentifier),
    index('ingestion_errors_type_idx').on(t.errorType),
  ],
);

/** Keys changed by a job; the fan-out work table, deleted after fan-out. */
export const ingestionChanges = pgTable(
  'ingestion_changes',
  {
    ingestionJobId: uuid('ingestion_job_id')
      .notNull()
      .references(() => ingestionJobs.id, { onDelete: 'cascade' }),
    keyType: changeKeyType('key_type').notNull(),
    key: varchar('key', { length: 32 }).notNull(),
  },
  (t) => [primaryKey({ name: 'ingestion_changes_pkey', columns: [t.ingestionJobId, t.keyType, t.key] })],
);

/** Document numbers a job's re-recorded assignments stopped naming; its incremental pipeline runs reconsider them. */
export const supersededDocuments = pgTable(
  'superseded_documents',
  {
    sourceJobId: uuid('source_job_id')
      .notNull()
      .references(() => ingestionJobs.id, { onDelete: 'cascade' }),
    rfId: varchar('rf_id', { length: 16 }).notNull(),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }),
    grantDocNum: varchar('grant_doc_num', { length: 12 }),
  },
  (t) => [index('superseded_documents_source_job_id_idx').on(t.sourceJobId)],
);
