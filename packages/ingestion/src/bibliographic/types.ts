/** Which bibliographic feed a document belongs to; also the `inventors.doc_type` of its inventors. */
export type BibliographicDocType = 'grant' | 'application';

export interface InventorRecord {
  /** 1-based position among the document's inventors (source `sequence` attributes start at 0 or 1). */
  sequence: number;
  /** `"{family}, {given}"` — the form assignment records use for natural persons. */
  name: string;
  familyName: string | null;
  givenName: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
}

/** One document of a weekly grant or application file, mapped onto `patents`/`inventors`/`entities`. */
export interface BibliographicRecord {
  docType: BibliographicDocType;
  /** Position of the document in its file (for error locations). */
  ordinal: number;
  dtdVersion: string | null;
  appnoDocNum: string;
  appnoDate: string | null;
  applicationType: string | null;
  /** Grant documents only. */
  grantDocNum: string | null;
  grantKind: string | null;
  grantDate: string | null;
  /** Application documents only. */
  pgpubDocNum: string | null;
  pgpubKind: string | null;
  pgpubDate: string | null;
  title: string | null;
  claimsCount: number | null;
  inventors: InventorRecord[];
  /** Face assignee names as printed, in document order. */
  assigneeNames: string[];
}
