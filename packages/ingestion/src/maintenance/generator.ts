import { MAINTENANCE_LAYOUTS, type MaintenanceLayout } from './layout';

/** The fields of one event line as the file writes them (`YYYYMMDD` dates, blank for none). */
export interface MaintenanceLineSpec {
  /** Canonical patent number: `4291808`, `RE35000`, `D512345`, `PP12345`. */
  patent: string;
  appno: string;
  entity: 'Y' | 'N' | 'M' | ' ';
  filingDate: string;
  grantDate: string;
  eventDate: string;
  code: string;
}

/**
 * One line of `MaintFeeEvents_*.txt` in the documented fixed-width format (ingestion.md §3.5): the patent number
 * right-justified and zero-padded to the layout's width (`000000RE35000`: a letter prefix follows the padding), one blank
 * between fields, the event code left-justified and blank-padded to 5. No line end.
 */
export function maintenanceLine(spec: MaintenanceLineSpec, layout: MaintenanceLayout = 'current'): string {
  return [
    spec.patent.padStart(MAINTENANCE_LAYOUTS[layout], '0'),
    spec.appno.padEnd(8),
    spec.entity,
    spec.filingDate.padEnd(8),
    spec.grantDate.padEnd(8),
    spec.eventDate.padEnd(8),
    spec.code.padEnd(5),
  ].join(' ');
}

/** A whole file: CRLF after every line, as USPTO writes it. */
export function maintenanceFileText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\r\n`).join('');
}
