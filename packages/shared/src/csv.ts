/**
 * CSV exports of Part D: UTF-8 with BOM, header row, ISO dates, named `{org}-{view}-{YYYY-MM-DD}.csv`. The
 * browser's direct download and the worker's export job (#55) write the same columns with the same code.
 */

type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote separators, quotes and line breaks; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvFileName(
  organization: string,
  view: string,
  today = new Date(),
  extension = 'csv',
): string {
  const slug = organization
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'export'}-${view}-${today.toISOString().slice(0, 10)}.${extension}`;
}

/** The list rows each CSV export reads: the fields of the list endpoints' items it writes. */
export interface AssetCsvRow {
  grantNumber: string | null;
  applicationNumber: string | null;
  title: string | null;
  currentAssignee: string | null;
  status: string | null;
  assignmentCount: number;
  lastActivity: string | null;
}

export interface BrokenTitleCsvRow {
  grantNumber: string | null;
  applicationNumber: string | null;
  title: string | null;
  companyName: string;
  currentAssignee: string | null;
  breakRfId: string | null;
  breakRecordDate: string | null;
  missingLink: { from: string | null; to: string | null } | null;
  gapDescription: string;
}

interface FeeCsvRow {
  grantNumber: string;
  eventCode: string;
  description: string | null;
  feeWindow: string | null;
  status: string;
  dueDate: string;
}

interface TimelineCsvRow {
  rfId: string;
  recordDate: string | null;
  type: string;
  assignor: string | null;
  assignee: string | null;
  assetCount: number;
}

interface EntityCsvRow {
  canonicalName: string;
  aliasCount: number;
  assetCount: number;
  lastActivityDate: string | null;
}

interface TransactionCsvRow {
  rfId: string;
  orgName: string;
  type: string;
  recordDate: string | null;
  parties: { assignors: { name: string }[]; assignees: { name: string }[] };
  affectedAssets: number;
}

const names = (parties: { name: string }[]) => parties.map((party) => party.name).join('; ');

/** Ids of the asset list's CSV columns, the row fields they write: the fields an export to a sheet (#70) picks. */
export const ASSET_FIELDS = [
  'grantNumber',
  'applicationNumber',
  'title',
  'currentAssignee',
  'status',
  'assignmentCount',
  'lastActivity',
] as const satisfies readonly (keyof AssetCsvRow)[];
export type AssetField = (typeof ASSET_FIELDS)[number];

/** The columns of each list's CSV, the visible columns of its page (B2.2, B2.10, B2.12 …). */
export const CSV_COLUMNS = {
  assets: [
    { id: 'grantNumber', header: 'Grant number', value: (row) => row.grantNumber },
    { id: 'applicationNumber', header: 'Application number', value: (row) => row.applicationNumber },
    { id: 'title', header: 'Title', value: (row) => row.title },
    { id: 'currentAssignee', header: 'Current assignee', value: (row) => row.currentAssignee },
    { id: 'status', header: 'Status', value: (row) => row.status },
    { id: 'assignmentCount', header: 'Assignments', value: (row) => row.assignmentCount },
    { id: 'lastActivity', header: 'Last activity', value: (row) => row.lastActivity },
  ] satisfies (CsvColumn<AssetCsvRow> & { id: AssetField })[],
  broken_titles: [
    { header: 'Number', value: (row) => row.grantNumber ?? row.applicationNumber },
    { header: 'Title', value: (row) => row.title },
    { header: 'Company', value: (row) => row.companyName },
    { header: 'Current assignee', value: (row) => row.currentAssignee },
    { header: 'Break point (reel/frame)', value: (row) => row.breakRfId },
    { header: 'Break recorded', value: (row) => row.breakRecordDate },
    { header: 'Missing link from', value: (row) => row.missingLink?.from },
    { header: 'Missing link to', value: (row) => row.missingLink?.to },
    { header: 'Gap', value: (row) => row.gapDescription },
  ] satisfies CsvColumn<BrokenTitleCsvRow>[],
  maintenance: [
    { header: 'Grant number', value: (row) => row.grantNumber },
    { header: 'Event code', value: (row) => row.eventCode },
    { header: 'Description', value: (row) => row.description },
    { header: 'Fee window', value: (row) => row.feeWindow },
    { header: 'Status', value: (row) => row.status },
    { header: 'Due date', value: (row) => row.dueDate },
  ] satisfies CsvColumn<FeeCsvRow>[],
  timeline: [
    { header: 'Recorded', value: (row) => row.recordDate },
    { header: 'Type', value: (row) => row.type },
    { header: 'Assignor', value: (row) => row.assignor },
    { header: 'Assignee', value: (row) => row.assignee },
    { header: 'Assets', value: (row) => row.assetCount },
    { header: 'Reel/frame', value: (row) => row.rfId },
  ] satisfies CsvColumn<TimelineCsvRow>[],
  entities: [
    { header: 'Canonical name', value: (row) => row.canonicalName },
    { header: 'Aliases', value: (row) => row.aliasCount },
    { header: 'Assets', value: (row) => row.assetCount },
    { header: 'Last activity', value: (row) => row.lastActivityDate },
  ] satisfies CsvColumn<EntityCsvRow>[],
  transactions: [
    { header: 'Reel/frame', value: (row) => row.rfId },
    { header: 'Organization', value: (row) => row.orgName },
    { header: 'Type', value: (row) => row.type },
    { header: 'Recorded', value: (row) => row.recordDate },
    { header: 'Assignors', value: (row) => names(row.parties.assignors) },
    { header: 'Assignees', value: (row) => names(row.parties.assignees) },
    { header: 'Affected assets', value: (row) => row.affectedAssets },
  ] satisfies CsvColumn<TransactionCsvRow>[],
};
export type CsvExportType = keyof typeof CSV_COLUMNS;
