/** The Drizzle schema, one folder per bounded context (data-model.md §1–§4). */
export * from './lookups';
export * from './patent-data';
export * from './org-intelligence';
export * from './platform';
export * from './ingestion';
