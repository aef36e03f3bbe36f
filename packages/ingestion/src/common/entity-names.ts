/** Display name and upsert key of a party's `entities` row (ingestion.md §2.6, data-model §1.5). */
export interface EntityName {
  name: string;
  nameKey: string;
}

/** Whitespace-collapsed display name and its lower-cased key; the raw name stays on the party row. */
export function normalizeEntityName(raw: string): EntityName {
  const name = raw.replace(/\s+/gu, ' ').trim();
  return { name, nameKey: name.toLowerCase() };
}
