import { nameKey, normalizeName } from '@patentrack/business-rules';

/** Display name and upsert key of a party's `entities` row (ingestion.md §2.6, data-model §1.5). */
export interface EntityName {
  name: string;
  nameKey: string;
}

/** BR-013…016 display form and its lower-cased, whitespace-collapsed key; the raw name stays on the party row. */
export function normalizeEntityName(raw: string): EntityName {
  return { name: normalizeName(raw), nameKey: nameKey(raw) };
}
