import { conveyanceTypeInfo } from '@patentrack/shared';

const STYLES: Record<string, string> = {
  complete: 'bg-green-100 text-green-900 dark:bg-green-900/40 dark:text-green-200',
  broken: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  divested: 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100',
  encumbered: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
};

/** The title status (`display_status`) as text, never colour alone. */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="muted text-xs">—</span>;
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold capitalize ${STYLES[status] ?? STYLES.divested}`}
    >
      {status}
    </span>
  );
}

/** A conveyance type's colour chip next to its name (the diagram palette, business-rules §0.3). */
export function ConveyanceChip({ type, color }: { type: string | null; color?: string | null }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      <span
        aria-hidden="true"
        className="inline-block h-3 w-3 rounded-sm border border-black/20"
        style={{ background: color ?? conveyanceTypeInfo(type ?? '')?.color ?? '#E60000' }}
      />
      <span>{type ?? 'unclassified'}</span>
    </span>
  );
}
