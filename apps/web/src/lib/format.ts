/** Display formatting of Part D: locale thousands separators, short dates with the ISO date kept for tooltips. */

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

/** A locale short date of an ISO date or instant; '—' when absent. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

/** Utility patent numbers with thousands separators (`10,224,138`); design, reissue and plant numbers as stored. */
export function formatPatentNumber(docNumber: string | null | undefined): string {
  if (!docNumber) return '—';
  return /^\d+$/.test(docNumber) ? docNumber.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : docNumber;
}

/** Application numbers are shown as USPTO writes them: `12/345,678`. */
export function formatApplicationNumber(docNumber: string | null | undefined): string {
  if (!docNumber) return '—';
  return /^\d{8}$/.test(docNumber)
    ? `${docNumber.slice(0, 2)}/${docNumber.slice(2, 5)},${docNumber.slice(5)}`
    : docNumber;
}
