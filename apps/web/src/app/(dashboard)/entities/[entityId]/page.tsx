'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { ApiErrorView, SkeletonRows } from '@/components/States';
import { formatCount, formatPatentNumber } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { useMe } from '@/lib/session';
import type { EntityDetail } from './entity-detail';
import { EntityTools } from './EntityTools';

/** Entity detail (B2.14): aliases by occurrences, assets with the relationship. */
export default function EntityDetailPage() {
  const { entityId } = useParams<{ entityId: string }>();
  const me = useMe();
  const orgId = me.data?.organization.id;
  const entity = useApiData<EntityDetail>(orgId ? `/organizations/${orgId}/entities/${entityId}` : null);
  if (entity.isPending) return <SkeletonRows />;
  if (entity.error) return <ApiErrorView error={entity.error} notFoundTitle="Entity not found" />;
  const aliases = [...entity.data.aliases].sort((a, b) => b.occurrenceCount - a.occurrenceCount);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{entity.data.canonicalName}</h1>
      <section className="card" aria-labelledby="aliases-heading">
        <h2 id="aliases-heading" className="mb-2 font-semibold">
          Aliases
        </h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Occurrences</th>
              <th scope="col">Distance</th>
            </tr>
          </thead>
          <tbody>
            {aliases.map((alias) => (
              <tr key={alias.name}>
                <td>{alias.name}</td>
                <td>{formatCount(alias.occurrenceCount)}</td>
                <td>{alias.levenshteinDistance ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {me.data && me.data.user.role !== 'member' && orgId && (
        <EntityTools orgId={orgId} entityId={entityId} entity={{ ...entity.data, aliases }} />
      )}
      <section className="card" aria-labelledby="entity-assets-heading">
        <h2 id="entity-assets-heading" className="mb-2 font-semibold">
          Assets
        </h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Title</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {entity.data.assets.map((asset) => (
              <tr key={asset.id}>
                <td>
                  <Link href={`/assets/${asset.id}`} className="link">
                    {formatPatentNumber(asset.grantNumber ?? asset.applicationNumber)}
                  </Link>
                </td>
                <td>{asset.title ?? '—'}</td>
                <td>{asset.relationship}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
