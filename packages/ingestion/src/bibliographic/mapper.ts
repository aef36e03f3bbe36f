import { normalizeDocNumber } from '@patentrack/shared';
import { cleanText, parseYmd } from '../common/text';
import type { RecordErrorType, RecordIssue } from '../common/record-issues';
import type { CapturedDocument } from './document-stream';
import type { BibliographicDocType, BibliographicRecord, InventorRecord } from './types';
import { childElements, elementAt, textAt, textContent, type XmlElement } from './xml-tree';

const DOC_TYPE_BY_ROOT: Readonly<Record<string, BibliographicDocType>> = {
  'us-patent-grant': 'grant',
  'us-patent-application': 'application',
};

const KNOWN_KINDS: Readonly<Record<BibliographicDocType, ReadonlySet<string>>> = {
  grant: new Set(['B1', 'B2', 'S1', 'P2', 'P3', 'E1', 'H1']),
  application: new Set(['A1', 'A2', 'A9', 'P1', 'P4', 'P9']),
};

// Applicants that are the assignee (AIA, DTD v4.6+) stand in when a document prints no <assignees>.
const ASSIGNEE_AUTHORITY = new Set(['assignee', 'obligated-assignee']);

const MAX_APPLICATION_TYPE = 12;
const MAX_NAME = 500;
const MAX_ADDRESS_PART = 200;
const MAX_REGION = 100;

export interface MappedDocument {
  record: BibliographicRecord | null;
  /** Best available key for error rows: the document's number as printed, else its ordinal. */
  identifier: string;
  issues: RecordIssue[];
}

/** The document type a root element stands for, or null for sequence listings and other non-patent roots. */
export function docTypeOfRoot(root: string | null): BibliographicDocType | null {
  return (root && DOC_TYPE_BY_ROOT[root]) || null;
}

/**
 * Maps one captured grant or application document (DTD v4.0–v4.7) onto a typed record (ingestion.md §3.2,
 * §3.3). A document without a usable publication or application number is rejected; oddities that can be
 * repaired (invalid dates, unknown kinds, nameless inventors) are kept with a warning.
 */
export function mapDocument(document: CapturedDocument): MappedDocument {
  const docType = docTypeOfRoot(document.root);
  const biblio = document.bibliographic;
  const publication = elementAt(biblio, 'publication-reference/document-id');
  const rawNumber = cleanText(textAt(publication, 'doc-number'));
  const identifier = rawNumber ?? `document ${document.ordinal}`;
  const location = `document ${document.ordinal}`;
  const issue = (
    severity: RecordIssue['severity'],
    errorType: RecordErrorType,
    message: string,
    raw?: unknown,
  ) => ({
    severity,
    errorType,
    recordIdentifier: identifier,
    location,
    message,
    raw,
  });
  const issues: RecordIssue[] = document.warnings.map((message) => issue('warning', 'parse', message));
  const reject = (errorType: RecordErrorType, message: string): MappedDocument => ({
    record: null,
    identifier,
    issues: [
      ...issues,
      issue('error', errorType, message, {
        root: document.root,
        attributes: document.rootAttributes,
        bibliographic: document.bibliographic,
      }),
    ],
  });

  if (document.error) return reject('parse', `Malformed XML: ${document.error}`);
  if (!docType) return reject('validation', `Not a patent document: <${document.root}>`);
  if (!biblio)
    return reject(
      'validation',
      `Missing <${docType === 'grant' ? 'us-bibliographic-data-grant' : 'us-bibliographic-data-application'}>`,
    );

  const warn = (message: string) => issues.push(issue('warning', 'validation', message));
  const date = (raw: string, what: string): string | null => {
    const parsed = parseYmd(cleanText(raw));
    if (parsed.invalid) warn(`Invalid ${what} date '${raw.trim()}' stored as null`);
    return parsed.date;
  };

  const publicationNumber = normalizeDocNumber(docType === 'grant' ? 'grant' : 'pgpub', rawNumber);
  if (!publicationNumber)
    return reject('validation', `Missing or unusable publication doc-number '${rawNumber ?? ''}'`);
  const applicationReference = elementAt(biblio, 'application-reference');
  const rawAppno = cleanText(textAt(applicationReference, 'document-id/doc-number'));
  const appnoDocNum = normalizeDocNumber('appno', rawAppno);
  if (!appnoDocNum)
    return reject('validation', `Missing or unusable application doc-number '${rawAppno ?? ''}'`);

  const kind = cleanText(textAt(publication, 'kind'))?.toUpperCase() ?? null;
  if (!kind || !KNOWN_KINDS[docType].has(kind)) warn(`Unknown ${docType} kind '${kind ?? ''}'`);
  const publicationDate = date(textAt(publication, 'date'), 'publication');
  const isGrant = docType === 'grant';

  const record: BibliographicRecord = {
    docType,
    ordinal: document.ordinal,
    dtdVersion: document.rootAttributes['dtd-version'] ?? null,
    appnoDocNum,
    appnoDate: date(textAt(applicationReference, 'document-id/date'), 'application'),
    applicationType:
      cleanText(applicationReference?.attributes['appl-type'])
        ?.toLowerCase()
        .slice(0, MAX_APPLICATION_TYPE) ?? null,
    grantDocNum: isGrant ? publicationNumber : null,
    grantKind: isGrant ? kind : null,
    grantDate: isGrant ? publicationDate : null,
    pgpubDocNum: isGrant ? null : publicationNumber,
    pgpubKind: isGrant ? null : kind,
    pgpubDate: isGrant ? null : publicationDate,
    title: cleanText(textContent(elementAt(biblio, 'invention-title'))),
    claimsCount: claims(textAt(biblio, 'number-of-claims'), warn),
    inventors: inventors(biblio, warn),
    assigneeNames: assigneeNames(biblio),
  };
  // Warnings carry the stored record so the fix applied can be checked against it.
  for (const warning of issues) warning.raw = record;
  return { record, identifier, issues };
}

function claims(raw: string, warn: (message: string) => void): number | null {
  const value = cleanText(raw);
  if (value === null) return null;
  const count = Number(value);
  // claims_count is a smallint.
  if (Number.isInteger(count) && count >= 0 && count <= 32767) return count;
  warn(`Invalid number-of-claims '${value}' stored as null`);
  return null;
}

/** `<us-parties>` from DTD v4.3 on, `<parties>` before. */
function partiesOf(biblio: XmlElement): XmlElement | undefined {
  return elementAt(biblio, 'us-parties') ?? elementAt(biblio, 'parties');
}

function applicantsOf(parties: XmlElement | undefined): XmlElement[] {
  return [
    ...childElements(elementAt(parties, 'us-applicants'), 'us-applicant'),
    ...childElements(elementAt(parties, 'applicants'), 'applicant'),
  ];
}

/** Name and address parts of a party, whether wrapped in `<addressbook>` or written directly. */
function partyDetails(party: XmlElement) {
  const book = elementAt(party, 'addressbook') ?? party;
  const part = (path: string, max: number) => cleanText(textAt(book, path))?.slice(0, max) ?? null;
  return {
    orgname: part('orgname', MAX_NAME),
    familyName: part('last-name', MAX_ADDRESS_PART),
    givenName: part('first-name', MAX_ADDRESS_PART),
    city: part('address/city', MAX_ADDRESS_PART),
    state: part('address/state', MAX_REGION),
    country: part('address/country', MAX_REGION),
  };
}

function personName(familyName: string | null, givenName: string | null): string | null {
  const name = [familyName, givenName].filter(Boolean).join(', ');
  return name ? name.slice(0, MAX_NAME) : null;
}

/**
 * Inventors from `<inventors>` (v4.3+, also printed next to applicant-inventors in v4.4 applications);
 * before v4.3 the inventors are the applicants with `app-type="applicant-inventor"`.
 */
function inventors(biblio: XmlElement, warn: (message: string) => void): InventorRecord[] {
  const parties = partiesOf(biblio);
  const listed = childElements(elementAt(parties, 'inventors'), 'inventor');
  const sources = listed.length
    ? listed
    : applicantsOf(parties).filter((applicant) => applicant.attributes['app-type'] === 'applicant-inventor');
  const result: InventorRecord[] = [];
  sources.forEach((source, index) => {
    const details = partyDetails(source);
    const name = personName(details.familyName, details.givenName) ?? details.orgname;
    if (!name) {
      warn(`Inventor ${index + 1} has no name and was skipped`);
      return;
    }
    result.push({
      sequence: index + 1,
      name,
      familyName: details.familyName,
      givenName: details.givenName,
      city: details.city,
      state: details.state,
      country: details.country,
    });
  });
  return result;
}

function assigneeNames(biblio: XmlElement): string[] {
  const printed = childElements(elementAt(biblio, 'assignees'), 'assignee');
  const sources = printed.length
    ? printed
    : applicantsOf(partiesOf(biblio)).filter((applicant) =>
        ASSIGNEE_AUTHORITY.has(applicant.attributes['applicant-authority-category'] ?? ''),
      );
  const names: string[] = [];
  for (const source of sources) {
    const details = partyDetails(source);
    const name = details.orgname ?? personName(details.familyName, details.givenName);
    if (name) names.push(name);
  }
  return names;
}
