import { Counter, Gauge, Histogram } from 'prom-client';
import { workerMetrics } from './metrics-server';

/** Prometheus metrics of ingestion.md §5.1 that the worker records. */
export const metrics = {
  queueJobs: new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [workerMetrics],
  }),
  jobDuration: new Histogram({
    name: 'bullmq_job_duration_seconds',
    help: 'Processing time of a job',
    labelNames: ['queue', 'name'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 1800],
    registers: [workerMetrics],
  }),
  pipelineRuns: new Counter({
    name: 'pipeline_runs_total',
    help: 'Finished per-organization pipeline runs',
    labelNames: ['status'] as const,
    registers: [workerMetrics],
  }),
  pipelineStepDuration: new Histogram({
    name: 'pipeline_step_duration_seconds',
    help: 'Duration of a pipeline step',
    labelNames: ['step'] as const,
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300],
    registers: [workerMetrics],
  }),
  pipelineRecords: new Counter({
    name: 'pipeline_step_records_total',
    help: 'Records processed by pipeline steps (rate() gives records per second)',
    labelNames: ['step'] as const,
    registers: [workerMetrics],
  }),
  fanoutOrgs: new Counter({
    name: 'pipeline_fanout_orgs_total',
    help: 'Organizations enqueued by an ingestion fan-out',
    labelNames: ['source'] as const,
    registers: [workerMetrics],
  }),
  ingestionRuns: new Counter({
    name: 'ingestion_runs_total',
    help: 'Finished ingestion jobs',
    labelNames: ['source', 'status'] as const,
    registers: [workerMetrics],
  }),
  ingestionRecords: new Counter({
    name: 'ingestion_records_total',
    help: 'Ingested records by outcome',
    labelNames: ['source', 'outcome'] as const,
    registers: [workerMetrics],
  }),
  epoThrottleState: new Gauge({
    name: 'epo_throttle_state',
    help: 'Last OPS traffic light per service: 0 green, 1 yellow, 2 red, 3 black',
    labelNames: ['service'] as const,
    registers: [workerMetrics],
  }),
  epoQuotaBytesUsed: new Gauge({
    name: 'epo_quota_bytes_used',
    help: 'Bytes OPS sent in the current ISO week',
    registers: [workerMetrics],
  }),
  enrichmentCompanies: new Counter({
    name: 'enrichment_companies_total',
    help: 'Finished company enrichments by outcome',
    labelNames: ['status'] as const,
    registers: [workerMetrics],
  }),
  sourceLastSuccess: new Gauge({
    name: 'source_last_success_timestamp_seconds',
    help: 'Last successful ingestion of a source',
    labelNames: ['source'] as const,
    registers: [workerMetrics],
  }),
  sourceFreshness: new Gauge({
    name: 'source_freshness_seconds',
    help: 'Seconds since the last successful ingestion of a source',
    labelNames: ['source'] as const,
    registers: [workerMetrics],
  }),
  sourceFreshnessStatus: new Gauge({
    name: 'source_freshness_status',
    help: '0 fresh, 1 stale, 2 critical',
    labelNames: ['source'] as const,
    registers: [workerMetrics],
  }),
};
