'use client';

import { formatCount } from '@/lib/format';
import type { EntityDetail } from './entity-detail';

/**
 * What merging `source` into `target` changes (B4 step 4), shown before anything is written: the aliases that
 * join, and the aliases and assets the merged entity then has.
 */
export function MergePreview({
  target,
  source,
  onMerge,
  onCancel,
}: {
  target: EntityDetail;
  source: EntityDetail;
  onMerge: () => void;
  onCancel: () => void;
}) {
  const aliases = new Set([...target.aliases, ...source.aliases].map((alias) => alias.entityId));
  const assets = new Set([...target.assets, ...source.assets].map((asset) => asset.id));
  return (
    <section
      className="flex flex-col gap-2 rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700"
      aria-labelledby="merge-preview-heading"
      data-testid="merge-preview"
    >
      <h3 id="merge-preview-heading" className="font-semibold">
        Merge “{source.canonicalName}” into “{target.canonicalName}”?
      </h3>
      <p>These aliases join this entity:</p>
      <ul className="list-disc pl-5">
        {source.aliases.map((alias) => (
          <li key={alias.entityId}>{alias.name}</li>
        ))}
      </ul>
      <p>
        Afterwards it has <strong data-testid="merge-preview-aliases">{formatCount(aliases.size)}</strong>{' '}
        aliases and <strong data-testid="merge-preview-assets">{formatCount(assets.size)}</strong> assets.
        Only this organization’s grouping changes; its ownership data is then recomputed.
      </p>
      <div className="flex gap-2">
        <button type="button" className="btn btn-primary" onClick={onMerge}>
          Merge
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
