import type { PipelineStep } from '@patentrack/shared';
import { brokenTitleStep } from './broken-title';
import { classifyStep } from './classify';
import { dashboardStep } from './dashboard';
import { flagStep } from './flag';
import { generateJsonStep } from './generate-json';
import { summaryStep } from './summary';
import { timelineStep } from './timeline';
import { treeStep } from './tree';
import type { StepRunner } from './types';

export type { StepContext, StepOutcome, StepRunner } from './types';
export { inventorsOfTransactions } from './flag';

/** The implementation of every pipeline step (business-rules §5.1–§5.8). */
export const STEP_RUNNERS: Record<PipelineStep, StepRunner> = {
  classify: classifyStep,
  flag: flagStep,
  tree: treeStep,
  timeline: timelineStep,
  broken_title: brokenTitleStep,
  dashboard: dashboardStep,
  summary: summaryStep,
  generate_json: generateJsonStep,
};
