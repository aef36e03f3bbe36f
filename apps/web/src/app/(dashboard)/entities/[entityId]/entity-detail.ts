/** One entity group of the org as `/organizations/{orgId}/entities/{id}` answers (product.md #42). */
export interface EntityDetail {
  canonicalName: string;
  aliases: { entityId: string; name: string; occurrenceCount: number; levenshteinDistance: number | null }[];
  assets: {
    id: string;
    grantNumber?: string | null;
    applicationNumber?: string | null;
    title?: string | null;
    relationship: string;
  }[];
}
