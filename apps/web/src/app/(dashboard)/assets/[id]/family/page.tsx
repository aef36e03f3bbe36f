'use client';

import Link from 'next/link';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { formatDate } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { useAssetId } from '../AssetContext';

interface FamilyMember {
  country: string;
  applicationNumber: string | null;
  publicationNumber: string | null;
  kind: string | null;
  title: string | null;
  filingDate: string | null;
  publicationDate: string | null;
  assetId?: string | null;
}

/** Family tab (B2.6): EPO members grouped by country, counts summing to the total. */
export default function AssetFamilyPage() {
  const id = useAssetId();
  const family = useApiData<FamilyMember[]>(`/assets/${id}/family`);
  if (family.isPending) return <SkeletonRows />;
  if (family.error) return <InlineError error={family.error} />;
  if (family.data.length === 0) return <EmptyState title="No family members found" />;
  const groups = new Map<string, FamilyMember[]>();
  for (const member of family.data)
    groups.set(member.country, [...(groups.get(member.country) ?? []), member]);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm muted">
        {family.data.length} family members in {groups.size} countries
      </p>
      {[...groups].map(([country, members]) => (
        <section key={country} className="card">
          <h2 className="mb-2 font-semibold">
            {country} <span className="muted text-sm">({members.length})</span>
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Publication</th>
                <th scope="col">Kind</th>
                <th scope="col">Title</th>
                <th scope="col">Filed</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={`${member.publicationNumber}-${member.applicationNumber}`}>
                  <td>
                    {member.assetId ? (
                      <Link className="link" href={`/assets/${member.assetId}`}>
                        {member.applicationNumber}
                      </Link>
                    ) : (
                      (member.applicationNumber ?? '—')
                    )}
                  </td>
                  <td>{member.publicationNumber ?? '—'}</td>
                  <td>{member.kind ?? '—'}</td>
                  <td>{member.title ?? '—'}</td>
                  <td>{formatDate(member.filingDate)}</td>
                  <td>{formatDate(member.publicationDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
