import { normalizeDocNumber } from '@patentrack/shared';
import type { RecordIssue } from '../common/record-issues';
import { parseYmd } from '../common/text';
import {
  eventCodeOf,
  patentNumberOf,
  sliceMaintenanceLine,
  type MaintenanceLayout,
  type RawMaintenanceLine,
} from './layout';

/** One row of `maintenance_fee_events` (data-model §1.9); `fee_amount` is not in the file. */
export interface MaintenanceFeeEvent {
  grantDocNum: string;
  eventDate: string;
  eventCode: string;
  appnoDocNum: string | null;
  entityStatus: string | null;
  filingDate: string | null;
  grantDate: string | null;
}

export type MaintenanceMapResult =
  { ok: true; record: MaintenanceFeeEvent; warnings: RecordIssue[] } | { ok: false; error: RecordIssue };

/** The idempotency key of an event: its primary key. */
export const maintenanceEventKey = (event: MaintenanceFeeEvent) =>
  `${event.grantDocNum}|${event.eventDate}|${event.eventCode}`;

/**
 * Maps one line (ingestion.md §3.5 "Bad records"): a line too short, an invalid patent number, event date or
 * empty event code is an error (they are the key); an invalid filing or grant date, application number or entity
 * flag is stored as NULL with a warning. `lineNumber` is 1-based.
 */
export function mapMaintenanceLine(
  line: string,
  layout: MaintenanceLayout,
  lineNumber: number,
): MaintenanceMapResult {
  const location = `line ${lineNumber}`;
  const raw = sliceMaintenanceLine(line, layout);
  const issue = (
    severity: RecordIssue['severity'],
    errorType: RecordIssue['errorType'],
    recordIdentifier: string | null,
    message: string,
  ): RecordIssue => ({ severity, errorType, recordIdentifier, location, message, raw: raw ?? { line } });
  if (!raw) {
    return {
      ok: false,
      error: issue(
        'error',
        'parse',
        null,
        `Line too short for the ${layout} layout (${line.length} characters)`,
      ),
    };
  }
  const grantDocNum = patentNumberOf(raw.patentNumber);
  const identifier = grantDocNum ?? (raw.patentNumber.trim() || null);
  if (!grantDocNum) {
    return { ok: false, error: issue('error', 'validation', identifier, 'Invalid patent number') };
  }
  const eventDate = parseYmd(raw.eventDate).date;
  if (!eventDate) {
    return { ok: false, error: issue('error', 'validation', identifier, 'Invalid event entry date') };
  }
  const eventCode = eventCodeOf(raw.eventCode);
  if (!eventCode) {
    return { ok: false, error: issue('error', 'validation', identifier, 'Empty or invalid event code') };
  }

  const warnings: RecordIssue[] = [];
  const optionalDate = (field: 'filingDate' | 'grantDate', label: string) => {
    const parsed = parseYmd(raw[field]);
    if (parsed.invalid)
      warnings.push(issue('warning', 'validation', grantDocNum, `Invalid ${label}; stored as NULL`));
    return parsed.date;
  };
  return {
    ok: true,
    record: {
      grantDocNum,
      eventDate,
      eventCode,
      appnoDocNum: applicationNumberOf(raw, (message) =>
        warnings.push(issue('warning', 'validation', grantDocNum, message)),
      ),
      entityStatus: entityStatusOf(raw, (message) =>
        warnings.push(issue('warning', 'validation', grantDocNum, message)),
      ),
      filingDate: optionalDate('filingDate', 'application filing date'),
      grantDate: optionalDate('grantDate', 'grant issue date'),
    },
    warnings,
  };
}

/** Series code + serial (`06215853`), canonical like every other application number; blank is NULL. */
function applicationNumberOf(raw: RawMaintenanceLine, warn: (message: string) => void): string | null {
  const value = raw.applicationNumber.trim();
  if (value === '') return null;
  const appno = /^\d{8}$/.test(value) ? normalizeDocNumber('appno', value) : null;
  if (!appno) warn('Invalid application number; stored as NULL');
  return appno;
}

/** `Y` small, `N` large, `M` micro, kept as in the file; blank is NULL. */
function entityStatusOf(raw: RawMaintenanceLine, warn: (message: string) => void): string | null {
  const value = raw.entityStatus.trim();
  if (value === '') return null;
  if (/^[YNM]$/.test(value)) return value;
  warn(`Unknown small-entity indicator '${value}'; stored as NULL`);
  return null;
}
