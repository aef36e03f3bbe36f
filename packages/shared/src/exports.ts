import type { CsvExportType } from './csv';

/** Server exports (product.md #55): every CSV list, plus the PDF dashboard report. */
export const EXPORT_TYPES = [
  'assets',
  'broken_titles',
  'maintenance',
  'timeline',
  'entities',
  'transactions',
  'dashboard_report',
] as const satisfies readonly (CsvExportType | 'dashboard_report')[];
export type ExportType = (typeof EXPORT_TYPES)[number];
export const EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Up to this many rows the browser downloads a CSV itself; larger exports run as a job (Part D "Exports"). */
export const DIRECT_EXPORT_MAX_ROWS = 5_000;
