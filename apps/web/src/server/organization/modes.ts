/** `environment_mode` values (data-model, customer_configurations). */
export const ENVIRONMENT_MODES = ['PRO', 'KPI', 'DASHBOARD', 'SAMPLE', 'SAMPLE-1', 'STANDARD'] as const;
