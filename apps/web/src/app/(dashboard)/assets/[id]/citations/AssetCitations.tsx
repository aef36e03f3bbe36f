'use client';

import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { formatPatentNumber } from '@/lib/format';
import { useApiBody } from '@/lib/queries';
import { useUrlState } from '@/lib/url-state';
import { useAssetId } from '../AssetContext';

interface Citation {
  number: string;
  title: string | null;
  assignee: string | null;
}

/** Citations tab (B2.8): "Cites" and "Cited by", the direction in `?dir=`. */
export function AssetCitations() {
  const id = useAssetId();
  const [state, setState] = useUrlState({ dir: 'cites' }, { dir: ['cites', 'cited_by'] });
  const citations = useApiBody<{ data: Citation[]; totalCites: number; totalCitedBy: number }>(
    `/assets/${id}/citations`,
    { dir: state.dir },
  );
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="Citation direction" className="flex gap-2">
        {(['cites', 'cited_by'] as const).map((dir) => (
          <button
            key={dir}
            type="button"
            role="tab"
            aria-selected={state.dir === dir}
            className={state.dir === dir ? 'btn-primary' : 'btn'}
            onClick={() => setState({ dir })}
          >
            {dir === 'cites'
              ? `Cites (${citations.data?.totalCites ?? '…'})`
              : `Cited by (${citations.data?.totalCitedBy ?? '…'})`}
          </button>
        ))}
      </div>
      {citations.isPending ? (
        <SkeletonRows />
      ) : citations.error ? (
        <InlineError error={citations.error} />
      ) : citations.data.data.length === 0 ? (
        <EmptyState title="No citations on file" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Title</th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody>
            {citations.data.data.map((citation) => (
              <tr key={citation.number}>
                <td>{formatPatentNumber(citation.number)}</td>
                <td>{citation.title ?? '—'}</td>
                <td>{citation.assignee ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
