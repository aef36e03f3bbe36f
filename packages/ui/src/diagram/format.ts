import type { DiagramCategory } from '@patentrack/shared';

/** Diagram dates are shown as MM/DD/YYYY (product Part D); ISO input, no time-zone arithmetic. */
export function formatDiagramDate(iso: string | null): string {
  if (!iso) return '—';
  const [year, month, day] = iso.split('-');
  return `${month}/${day}/${year}`;
}

/** Utility patent numbers are shown with thousands separators (`10,224,138`); other kinds (D, RE, PP) as stored. */
export function formatPatentNumber(docNumber: string): string {
  return /^\d+$/.test(docNumber) ? docNumber.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : docNumber;
}

const CATEGORY_LABELS: Record<DiagramCategory, string> = {
  Ownership: 'Ownership',
  NameChange: 'Name Change',
  Security: 'Security',
  Release: 'Release',
  License: 'License',
  LicenseEnd: 'License End',
  Correct: 'Correct',
};

export function categoryLabel(category: DiagramCategory): string {
  return CATEGORY_LABELS[category];
}

/** `data-category` and the `hide=` query value: the lower-cased category (product B5). */
export function categoryKey(category: DiagramCategory): string {
  return category.toLowerCase();
}

/**
 * Splits a party name into at most `maxLines` lines of about `maxChars` characters, breaking at spaces where
 * possible and ending the last line with an ellipsis when the name does not fit. Character counts rather than
 * text measurement keep the output identical in every browser and under Node.
 */
export function wrapName(
  name: string,
  maxChars: number,
  maxLines: number,
): { lines: string[]; truncated: boolean } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    const word = words[index] as string;
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars) {
      current = candidate;
      index += 1;
    } else if (!current) {
      // A single word longer than a line is cut hard.
      lines.push(word.slice(0, maxChars));
      words[index] = word.slice(maxChars);
    } else {
      lines.push(current);
      current = '';
    }
  }
  if (current && lines.length < maxLines) lines.push(current);
  const truncated = index < words.length;
  if (truncated) {
    const last = lines.pop() ?? '';
    lines.push(`${last.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`);
  }
  return { lines, truncated };
}

/** Export file name `{patentNumber}-ownership-{YYYY-MM-DD}.{ext}` (product B5), date in UTC. */
export function exportFileName(
  general: { patent: string | null; application: string | null },
  extension: 'svg' | 'png',
  now: Date,
): string {
  const number = (general.patent ?? general.application ?? 'asset').replace(/[^0-9A-Za-z]/g, '');
  return `${number}-ownership-${now.toISOString().slice(0, 10)}.${extension}`;
}
