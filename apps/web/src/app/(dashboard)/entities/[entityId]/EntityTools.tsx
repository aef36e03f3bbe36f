'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage } from '@/components/forms';
import { RecomputeStatus } from '@/components/RecomputeStatus';
import { ApiError, apiData, type Page } from '@/lib/api';
import type { EntityDetail } from './entity-detail';
import { MergePreview } from './MergePreview';

/**
 * Manual fixes of one entity group (B4 step 4), for admins: rename the canonical name (pinned), split selected
 * aliases into a new entity, merge another entity into this one after a preview. Each change re-runs the org's
 * pipeline, whose progress the section shows.
 */
export function EntityTools({
  orgId,
  entityId,
  entity,
}: {
  orgId: string;
  entityId: string;
  entity: EntityDetail;
}) {
  const { canonicalName, aliases } = entity;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [candidates, setCandidates] = useState<{ id: string; canonicalName: string }[]>([]);
  const [preview, setPreview] = useState<{ id: string; detail: EntityDetail } | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const base = `/organizations/${orgId}/entities`;

  const act = async (action: () => Promise<{ id?: string }>, success: string) => {
    setMessage(null);
    try {
      const result = await action();
      setMessage({ tone: 'success', text: `${success} Ownership data is being recomputed.` });
      await queryClient.invalidateQueries();
      if (result.id && result.id !== entityId) router.push(`/entities/${result.id}`);
    } catch (caught) {
      setMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'The change was not saved.',
      });
    }
  };

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('canonicalName')).trim();
    void act(
      () => apiData(`${base}/${entityId}`, { method: 'PATCH', body: { canonicalName: name } }),
      'Renamed.',
    );
  };

  const findCandidates = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = String(new FormData(event.currentTarget).get('mergeSearch')).trim();
    const page = await apiData<Page<{ id: string; canonicalName: string }>['data']>(base, {
      query: { search, limit: 10 },
    }).catch(() => []);
    setCandidates(page.filter((candidate) => candidate.id !== entityId));
    setPreview(null);
  };

  const showPreview = async (candidateId: string) => {
    setMessage(null);
    try {
      setPreview({ id: candidateId, detail: await apiData<EntityDetail>(`${base}/${candidateId}`) });
    } catch (caught) {
      setMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'The merge could not be previewed.',
      });
    }
  };

  const merge = (sourceId: string) => {
    setPreview(null);
    setCandidates([]);
    void act(
      () =>
        apiData(`${base}/merge`, {
          method: 'POST',
          body: { targetEntityId: entityId, sourceEntityIds: [sourceId] },
        }),
      'Merged.',
    );
  };

  return (
    <section className="card flex flex-col gap-4" aria-labelledby="entity-tools-heading">
      <h2 id="entity-tools-heading" className="font-semibold">
        Correct this entity
      </h2>
      <RecomputeStatus orgId={orgId} />
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <form onSubmit={rename} className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <Field label="Canonical name" name="canonicalName" defaultValue={canonicalName} required />
        </div>
        <button type="submit" className="btn">
          Rename
        </button>
      </form>
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="label">Split aliases into a new entity</legend>
        {aliases.map((alias) => (
          <label key={alias.entityId} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={selected.includes(alias.entityId)}
              onChange={(event) =>
                setSelected(
                  event.target.checked
                    ? [...selected, alias.entityId]
                    : selected.filter((id) => id !== alias.entityId),
                )
              }
            />
            {alias.name}
          </label>
        ))}
        <button
          type="button"
          className="btn mt-1 self-start"
          disabled={selected.length === 0 || selected.length === aliases.length}
          onClick={() =>
            act(
              () => apiData(`${base}/${entityId}/split`, { method: 'POST', body: { aliases: selected } }),
              'Split.',
            )
          }
        >
          Split {selected.length || ''} selected
        </button>
      </fieldset>
      <form onSubmit={findCandidates} className="flex flex-col gap-2">
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-64 flex-1">
            <Field
              label="Merge another entity into this one"
              name="mergeSearch"
              placeholder="Search by name"
              required
            />
          </div>
          <button type="submit" className="btn">
            Find
          </button>
        </div>
        {candidates.length > 0 && (
          <ul className="flex flex-col gap-1 text-sm">
            {candidates.map((candidate) => (
              <li key={candidate.id} className="flex items-center gap-2">
                <span>{candidate.canonicalName}</span>
                <button type="button" className="btn" onClick={() => showPreview(candidate.id)}>
                  Preview merge<span className="sr-only"> of {candidate.canonicalName}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {preview && (
          <MergePreview
            target={entity}
            source={preview.detail}
            onMerge={() => merge(preview.id)}
            onCancel={() => setPreview(null)}
          />
        )}
      </form>
    </section>
  );
}
