import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, tenantForeignKey } from '../columns';
import { organizationId } from '../platform/organizations';
import { users } from '../platform/users';
import { jobStatus } from './sources';

export const processingJobType = pgEnum('processing_job_type', [
  'incremental',
  'full_rebuild',
  'tree_rebuild',
  'manual',
]);
/** The eight pipeline steps in execution order; the order matters for LEAST(). */
export const pipelineStep = pgEnum('pipeline_step', [
  'classify',
  'flag',
  'tree',
  'timeline',
  'broken_title',
  'dashboard',
  'summary',
  'generate_json',
]);
export const stepStatus = pgEnum('step_status', ['pending', 'running', 'success', 'failed', 'skipped']);

/** Per-organization pipeline runs; at most one pending and one running per organization. */
export const processingJobs = pgTable(
  'processing_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    jobType: processingJobType('job_type').notNull(),
    trigger: varchar('trigger', { length: 50 }).notNull(),
    startFromStep: pipelineStep('start_from_step').notNull().default('classify'),
    status: jobStatus('status').notNull().default('pending'),
    /** Display only. */
    currentStep: smallint('current_step').notNull().default(0),
    bullmqJobId: varchar('bullmq_job_id', { length: 100 }),
    triggeredBy: uuid('triggered_by').references(() => users.id, { onDelete: 'set null' }),
    sourceIngestionJobIds: uuid('source_ingestion_job_ids').array().notNull().default([]),
    startedAt: instant('started_at'),
    completedAt: instant('completed_at'),
    summary: jsonb('summary').notNull().default({}),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('processing_jobs_org_id_key').on(t.organizationId, t.id),
    check('processing_jobs_current_step_check', sql`${t.currentStep} BETWEEN 0 AND 8`),
    uniqueIndex('processing_jobs_one_pending_key')
      .on(t.organizationId)
      .where(sql`${t.status} = 'pending'`),
    uniqueIndex('processing_jobs_one_running_key')
      .on(t.organizationId)
      .where(sql`${t.status} = 'running'`),
  ],
);

export const processingSteps = pgTable(
  'processing_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    processingJobId: uuid('processing_job_id').notNull(),
    stepNumber: smallint('step_number').notNull(),
    stepName: pipelineStep('step_name').notNull(),
    status: stepStatus('status').notNull().default('pending'),
    startedAt: instant('started_at'),
    completedAt: instant('completed_at'),
    recordsProcessed: integer('records_processed').notNull().default(0),
    errorMessage: text('error_message'),
    metrics: jsonb('metrics').notNull().default({}),
  },
  (t) => [
    unique('processing_steps_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('processing_steps_job_fk', t.organizationId, t.processingJobId, processingJobs),
    check('processing_steps_step_number_check', sql`${t.stepNumber} BETWEEN 1 AND 8`),
    unique('processing_steps_job_step_key').on(t.processingJobId, t.stepNumber),
  ],
);
