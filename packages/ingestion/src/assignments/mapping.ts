import { createHash } from 'node:crypto';
import { docNumberCategory, normalizeDocNumber, rfId } from '@patentrack/shared';
import { normalizeEntityName } from '../common/entity-names';
import { cleanText, hasInvalidCharacters, parseYmd } from '../common/text';
import type { RecordIssue } from '../common/record-issues';
import type { RawAssignment, RawDocumentId } from './parser';

export interface AssignorRow {
  seq: number;
  orName: string;
  entityName: string;
  nameKey: string;
  execDt: string | null;
  ackDt: string | null;
}

export interface AssigneeRow {
  seq: number;
  eeName: string;
  entityName: string;
  nameKey: string;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  postcode: string | null;
  country: string | null;
}

export interface DocumentIdRow {
  propertySeq: number;
  appnoDocNum: string | null;
  appnoDate: string | null;
  appnoCountry: string | null;
  pgpubDocNum: string | null;
  pgpubDate: string | null;
  pgpubCountry: string | null;
  grantDocNum: string | null;
  grantDate: string | null;
  grantCountry: string | null;
  grantKind: string | null;
  title: string | null;
  titleLang: string | null;
}

/** An assignment ready to load: header columns of `assignments` plus its child rows (data-model §1.2–1.4). */
export interface AssignmentRecord {
  rfId: string;
  reelNo: number;
  frameNo: number;
  conveyText: string | null;
  recordDt: string | null;
  execDt: string | null;
  lastUpdateDt: string | null;
  pageCount: number | null;
  cname: string | null;
  caddress1: string | null;
  caddress2: string | null;
  caddress3: string | null;
  caddress4: string | null;
  status: 'active' | 'void';
  assignors: AssignorRow[];
  assignees: AssigneeRow[];
  documents: DocumentIdRow[];
  /** sha256 of the canonical record: the upsert writes only when it changed. */
  recordHash: string;
}

export type MappingResult =
  | { ok: true; record: AssignmentRecord; warnings: RecordIssue[] }
  | { ok: false; error: RecordIssue; warnings: RecordIssue[] };

const INTEGER = /^\d{1,9}$/;

/** Maps one raw PADX record onto the data model, collecting warnings; unkeyable records are errors. */
export function mapAssignment(raw: RawAssignment): MappingResult {
  const warnings: RecordIssue[] = [];
  const reel = raw.reelNo?.trim() ?? '';
  const frame = raw.frameNo?.trim() ?? '';
  const identifier = reel || frame ? `${reel || '?'}/${frame || '?'}` : `record #${raw.ordinal}`;
  const issue = (
    severity: RecordIssue['severity'],
    errorType: RecordIssue['errorType'],
    message: string,
  ) => ({
    severity,
    errorType,
    recordIdentifier: identifier,
    location: `record ${raw.ordinal}`,
    message,
    raw,
  });

  if (!INTEGER.test(reel) || !INTEGER.test(frame)) {
    const what = !reel || !frame ? 'missing' : 'non-numeric';
    return { ok: false, error: issue('error', 'validation', `Reel or frame number ${what}`), warnings };
  }
  if (raw.problems.length > 0 || containsInvalidCharacters(raw)) {
    const detail = raw.problems[0] ?? 'character not allowed in XML';
    return { ok: false, error: issue('error', 'parse', `Invalid characters in record: ${detail}`), warnings };
  }
  const key = rfId(Number(reel), Number(frame));
  const keyed = (
    severity: RecordIssue['severity'],
    errorType: RecordIssue['errorType'],
    message: string,
  ) => ({
    ...issue(severity, errorType, message),
    recordIdentifier: key,
  });
  const date = (value: string | undefined, field: string): string | null => {
    const parsed = parseYmd(value);
    if (parsed.invalid)
      warnings.push(keyed('warning', 'validation', `Invalid ${field} '${value}' stored as null`));
    return parsed.date;
  };

  const assignors: AssignorRow[] = [];
  raw.assignors.forEach((assignor, index) => {
    const name = cleanText(assignor.name);
    if (!name) {
      warnings.push(
        keyed('warning', 'validation', `Assignor ${index + 1} has an empty name and was skipped`),
      );
      return;
    }
    const entity = normalizeEntityName(name);
    assignors.push({
      seq: assignors.length + 1,
      orName: name,
      entityName: entity.name,
      nameKey: entity.nameKey,
      execDt: date(assignor.executionDate, `assignor ${index + 1} execution date`),
      ackDt: date(assignor.dateAcknowledged, `assignor ${index + 1} acknowledgement date`),
    });
  });

  const assignees: AssigneeRow[] = [];
  raw.assignees.forEach((assignee, index) => {
    const name = cleanText(assignee.name);
    if (!name) {
      warnings.push(
        keyed('warning', 'validation', `Assignee ${index + 1} has an empty name and was skipped`),
      );
      return;
    }
    const entity = normalizeEntityName(name);
    assignees.push({
      seq: assignees.length + 1,
      eeName: name,
      entityName: entity.name,
      nameKey: entity.nameKey,
      address1: cleanText(assignee.address1),
      address2: cleanText(assignee.address2),
      city: cleanText(assignee.city),
      state: cleanText(assignee.state),
      postcode: cleanText(assignee.postcode),
      country: cleanText(assignee.countryName),
    });
  });

  const documents: DocumentIdRow[] = [];
  raw.properties.forEach((property, index) => {
    const row = mapProperty(property.documentIds, (value, field) =>
      date(value, `property ${index + 1} ${field}`),
    );
    if (!row) {
      warnings.push(
        keyed('warning', 'validation', `Property ${index + 1} has no usable document number; skipped`),
      );
      return;
    }
    documents.push({
      propertySeq: index + 1,
      ...row,
      title: cleanText(property.title),
      titleLang: cleanText(property.titleLang),
    });
  });

  if (assignors.length === 0) warnings.push(keyed('warning', 'validation', 'No assignors'));
  if (assignees.length === 0) warnings.push(keyed('warning', 'validation', 'No assignees'));
  const recordDt = date(raw.recordedDate, 'recorded date');
  if (!cleanText(raw.recordedDate)) warnings.push(keyed('warning', 'validation', 'No recorded date'));
  const pageCount = cleanText(raw.pageCount);
  if (pageCount && !INTEGER.test(pageCount)) {
    warnings.push(keyed('warning', 'validation', `Invalid page count '${pageCount}' stored as null`));
  }

  const execDates = assignors.map((a) => a.execDt).filter((d): d is string => d !== null);
  const header = {
    rfId: key,
    reelNo: Number(reel),
    frameNo: Number(frame),
    conveyText: cleanText(raw.conveyanceText),
    recordDt,
    execDt: execDates.length ? execDates.reduce((min, d) => (d < min ? d : min)) : null,
    lastUpdateDt: date(raw.lastUpdateDate, 'last update date'),
    pageCount: pageCount && INTEGER.test(pageCount) ? Number(pageCount) : null,
    cname: cleanText(raw.correspondent.name),
    caddress1: cleanText(raw.correspondent.address1),
    caddress2: cleanText(raw.correspondent.address2),
    caddress3: cleanText(raw.correspondent.address3),
    caddress4: cleanText(raw.correspondent.address4),
    status: raw.purgeIndicator?.trim().toUpperCase() === 'Y' ? ('void' as const) : ('active' as const),
  };
  const content = { ...header, assignors, assignees, documents };
  const recordHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { ok: true, record: { ...content, recordHash }, warnings };
}

type PropertyNumbers = Omit<DocumentIdRow, 'propertySeq' | 'title' | 'titleLang'>;

function mapProperty(
  documentIds: RawDocumentId[],
  date: (value: string | undefined, field: string) => string | null,
): PropertyNumbers | null {
  const row: PropertyNumbers = {
    appnoDocNum: null,
    appnoDate: null,
    appnoCountry: null,
    pgpubDocNum: null,
    pgpubDate: null,
    pgpubCountry: null,
    grantDocNum: null,
    grantDate: null,
    grantCountry: null,
    grantKind: null,
  };
  for (const documentId of documentIds) {
    const kind = cleanText(documentId.kind)?.toUpperCase() ?? '';
    const number = kind ? normalizeDocNumber(kind, documentId.docNumber) : null;
    if (!number) continue;
    const country = cleanText(documentId.country)?.toUpperCase().slice(0, 2) ?? null;
    const category = docNumberCategory(kind);
    if (category === 'appno' && !row.appnoDocNum) {
      Object.assign(row, {
        appnoDocNum: number,
        appnoDate: date(documentId.date, 'filing date'),
        appnoCountry: country,
      });
    } else if (category === 'pgpub' && !row.pgpubDocNum) {
      Object.assign(row, {
        pgpubDocNum: number,
        pgpubDate: date(documentId.date, 'publication date'),
        pgpubCountry: country,
      });
    } else if (category === 'grant' && !row.grantDocNum) {
      Object.assign(row, {
        grantDocNum: number,
        grantDate: date(documentId.date, 'issue date'),
        grantCountry: country,
        grantKind: kind.slice(0, 3),
      });
    }
  }
  return row.appnoDocNum || row.pgpubDocNum || row.grantDocNum ? row : null;
}

function containsInvalidCharacters(raw: RawAssignment): boolean {
  const strings: (string | undefined)[] = [
    raw.conveyanceText,
    ...Object.values(raw.correspondent),
    ...raw.assignors.flatMap((a) => [a.name]),
    ...raw.assignees.flatMap((a) => Object.values(a) as string[]),
    ...raw.properties.flatMap((p) => [p.title, ...p.documentIds.map((d) => d.docNumber)]),
  ];
  return strings.some((value) => value !== undefined && hasInvalidCharacters(value));
}
