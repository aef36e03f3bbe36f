/** The per-organization pipeline steps in DAG order (business-rules §5.0; the `pipeline_step` enum order). */
export const PIPELINE_STEPS = [
  'classify',
  'flag',
  'tree',
  'timeline',
  'broken_title',
  'dashboard',
  'summary',
  'generate_json',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** Steps grouped by the DAG: members of one group may run in parallel. */
export const PIPELINE_STEP_GROUPS: readonly (readonly PipelineStep[])[] = [
  ['classify'],
  ['flag'],
  ['tree', 'timeline'],
  ['broken_title'],
  ['dashboard', 'summary'],
  ['generate_json'],
];
