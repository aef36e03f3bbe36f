import { normalizeDocNumber } from '@patentrack/shared';
import { parseYmd } from '../common/text';

/**
 * The two fixed-width layouts of `MaintFeeEvents_*.txt` (ingestion.md §3.5): the current one with a 13-character
 * patent number, and the older one (2015 files) with 7 characters, which shifts every later field 6 columns left.
 */
export const MAINTENANCE_LAYOUTS = { current: 13, legacy: 7 } as const;
export type MaintenanceLayout = keyof typeof MAINTENANCE_LAYOUTS;

/** One line cut into its fields, untrimmed: blanks are significant in a fixed-width file. */
export interface RawMaintenanceLine {
  patentNumber: string;
  applicationNumber: string;
  entityStatus: string;
  filingDate: string;
  grantDate: string;
  eventDate: string;
  eventCode: string;
}

type Columns = Record<keyof RawMaintenanceLine, readonly [start: number, end: number]>;

/** 0-based, end-exclusive columns; the spec's 1-based inclusive columns of the current layout shifted by layout. */
function columnsOf(layout: MaintenanceLayout): Columns {
  const shift = MAINTENANCE_LAYOUTS[layout] - MAINTENANCE_LAYOUTS.current;
  const at = (start: number, end: number) => [start + shift, end + shift] as const;
  return {
    patentNumber: [0, MAINTENANCE_LAYOUTS[layout]],
    applicationNumber: at(14, 22),
    entityStatus: at(23, 24),
    filingDate: at(25, 33),
    grantDate: at(34, 42),
    eventDate: at(43, 51),
    eventCode: at(52, 57),
  };
}

const COLUMNS: Record<MaintenanceLayout, Columns> = {
  current: columnsOf('current'),
  legacy: columnsOf('legacy'),
};

/** Shortest usable line: it must reach the first character of the event code, which is part of the key. */
export function minimumLineLength(layout: MaintenanceLayout): number {
  return COLUMNS[layout].eventCode[0] + 1;
}

/** Cuts a line by column; null when it is too short to hold an event code. Never splits on whitespace. */
export function sliceMaintenanceLine(line: string, layout: MaintenanceLayout): RawMaintenanceLine | null {
  if (line.length < minimumLineLength(layout)) return null;
  const columns = COLUMNS[layout];
  const field = (key: keyof RawMaintenanceLine) => line.slice(columns[key][0], columns[key][1]);
  return {
    patentNumber: field('patentNumber'),
    applicationNumber: field('applicationNumber'),
    entityStatus: field('entityStatus'),
    filingDate: field('filingDate'),
    grantDate: field('grantDate'),
    eventDate: field('eventDate'),
    eventCode: field('eventCode'),
  };
}

/**
 * Canonical grant number of the right-justified, zero-padded field (`0000004291808` → `4291808`,
 * `000000RE35000` → `RE35000`), or null. The file carries no kind codes, and a blank inside the field means the
 * columns are misread.
 */
export function patentNumberOf(field: string): string | null {
  const value = field.trimStart();
  return /^0*[A-Z]{0,2}\d+$/.test(value) ? normalizeDocNumber('grant', value) : null;
}

/** The event code without its blank padding, or null when empty or not a code (`M1551`, `EXP.`, `SM02`). */
export function eventCodeOf(field: string): string | null {
  const value = field.trimEnd();
  return /^[A-Z0-9][A-Z0-9.]*$/.test(value) ? value : null;
}

/** The single blank after each field but the last. */
function separatorsOf(layout: MaintenanceLayout): number[] {
  const columns = COLUMNS[layout];
  return Object.values(columns)
    .map(([, end]) => end)
    .filter((end) => end < columns.eventCode[0]);
}

/**
 * A line read with the layout yields a valid patent number, event date and event code (its key), with blanks
 * between the fields — a delimited file whose fields happen to line up is not this format.
 */
function fitsLayout(line: string, layout: MaintenanceLayout): boolean {
  const raw = sliceMaintenanceLine(line, layout);
  return (
    raw !== null &&
    separatorsOf(layout).every((column) => line[column] === ' ') &&
    patentNumberOf(raw.patentNumber) !== null &&
    parseYmd(raw.eventDate).date !== null &&
    eventCodeOf(raw.eventCode) !== null
  );
}

/** How many leading non-blank lines decide the layout, and the share that must fit it (ingestion.md §3.5). */
export const LAYOUT_SAMPLE_LINES = 200;
const LAYOUT_MIN_SHARE = 0.9;

/**
 * The layout that at least 90 % of the sample lines fit, or null: a file neither layout reads is a format
 * change, and parsing it anyway would load garbage.
 */
export function detectMaintenanceLayout(sampleLines: readonly string[]): MaintenanceLayout | null {
  const lines = sampleLines.filter((line) => line.trim() !== '').slice(0, LAYOUT_SAMPLE_LINES);
  if (lines.length === 0) return null;
  const layouts = Object.keys(MAINTENANCE_LAYOUTS) as MaintenanceLayout[];
  const scored = layouts.map((layout) => ({
    layout,
    share: lines.filter((line) => fitsLayout(line, layout)).length / lines.length,
  }));
  const best = scored.sort((a, b) => b.share - a.share)[0]!;
  return best.share >= LAYOUT_MIN_SHARE ? best.layout : null;
}
