import type { Pool } from '../db';

export interface StepContext {
  pool: Pool;
  orgId: string;
  runId: string;
}

/** What a step reports into `processing_steps` (records_processed, metrics). */
export interface StepOutcome {
  recordsProcessed: number;
  metrics: Record<string, number>;
}

export type StepRunner = (context: StepContext) => Promise<StepOutcome>;
