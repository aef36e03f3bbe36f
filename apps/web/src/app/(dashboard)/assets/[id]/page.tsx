'use client';

import Link from 'next/link';
import { SkeletonRows } from '@/components/States';
import { formatCount, formatDate } from '@/lib/format';
import { useAsset } from './AssetContext';

/** Overview tab (B2.3): abstract, dates, inventors, CPC codes linking to the filtered list, counts. */
export default function AssetOverviewPage() {
  const asset = useAsset();
  if (!asset.data) return <SkeletonRows rows={5} />;
  const a = asset.data;
  const dates: [string, string | null][] = [
    ['Filed', a.applicationDate],
    ['Published', a.publicationDate],
    ['Granted', a.grantDate],
    ['Last activity', a.lastActivity],
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="card" aria-labelledby="abstract-heading">
        <h2 id="abstract-heading" className="mb-2 font-semibold">
          Abstract
        </h2>
        <p className="text-sm">{a.abstract ?? <span className="muted">No abstract on file.</span>}</p>
      </section>
      <section className="card" aria-labelledby="dates-heading">
        <h2 id="dates-heading" className="mb-2 font-semibold">
          Dates and counts
        </h2>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {dates.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="muted">{label}</dt>
              <dd title={value ?? undefined}>{formatDate(value)}</dd>
            </div>
          ))}
          <dt className="muted">Transactions</dt>
          <dd>{formatCount(a.counts.transactions)}</dd>
          <dt className="muted">Maintenance events</dt>
          <dd>{formatCount(a.counts.maintenanceEvents)}</dd>
          <dt className="muted">Claims</dt>
          <dd>{formatCount(a.claimsCount)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="inventors-heading">
        <h2 id="inventors-heading" className="mb-2 font-semibold">
          Inventors
        </h2>
        {a.inventors.length === 0 ? (
          <p className="text-sm muted">No inventors on file.</p>
        ) : (
          <ul className="text-sm">
            {a.inventors.map((inventor) => (
              <li key={inventor.name}>
                {inventor.name}{' '}
                <span className="muted">
                  {[inventor.city, inventor.state, inventor.country].filter(Boolean).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="cpc-heading">
        <h2 id="cpc-heading" className="mb-2 font-semibold">
          CPC codes
        </h2>
        {a.cpc.length === 0 ? (
          <p className="text-sm muted">No CPC classification on file.</p>
        ) : (
          <ul className="text-sm">
            {a.cpc.map((code) => (
              <li key={code.code}>
                <Link href={`/assets?cpcCode=${encodeURIComponent(code.code)}`} className="link">
                  {code.code}
                </Link>{' '}
                {code.description}
              </li>
            ))}
          </ul>
        )}
      </section>
      {a.titleStatus.length > 0 && (
        <section className="card lg:col-span-2" aria-labelledby="title-heading">
          <h2 id="title-heading" className="mb-2 font-semibold">
            Chain of title by company
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Encumbered</th>
              </tr>
            </thead>
            <tbody>
              {a.titleStatus.map((row) => (
                <tr key={row.companyId}>
                  <td>{row.companyName}</td>
                  <td>{row.displayStatus}</td>
                  <td>{row.reason ?? '—'}</td>
                  <td>{row.encumbered ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
