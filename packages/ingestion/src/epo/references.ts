import { toDocdbPublicationNumber } from '@patentrack/shared';

/** The US document OPS is asked about, and the two spellings of the family request (ingestion.md §3.6). */
export interface FamilyQuery {
  /** `patent_family_lookups.query_ref`, the DOCDB reference, e.g. `US.11223344.B2` or `US.2012057518.A1`. */
  queryRef: string;
  /** The epodoc form tried after a 400/404 of the DOCDB form, e.g. `US11223344`. */
  epodocRef: string;
}

export interface PatentNumbers {
  grantDocNum: string | null;
  grantKind: string | null;
  pgpubDocNum: string | null;
}

/**
 * The family query of a patent: its grant, else its pre-grant publication in DOCDB numbering
 * (`20120057518` → `2012057518`). An application that was never published has nothing OPS can find: null.
 */
export function familyQueryFor(patent: PatentNumbers): FamilyQuery | null {
  if (patent.grantDocNum) {
    // Grants without a stored kind: B2 when a publication preceded the grant, B1 otherwise (USPTO usage).
    const kind = patent.grantKind?.trim() || (patent.pgpubDocNum ? 'B2' : 'B1');
    return { queryRef: `US.${patent.grantDocNum}.${kind}`, epodocRef: `US${patent.grantDocNum}` };
  }
  if (patent.pgpubDocNum) {
    const number = toDocdbPublicationNumber(patent.pgpubDocNum);
    return { queryRef: `US.${number}.A1`, epodocRef: `US${number}` };
  }
  return null;
}
