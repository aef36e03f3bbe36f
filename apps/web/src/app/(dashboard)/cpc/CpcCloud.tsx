'use client';

import Link from 'next/link';
import { CpcWordCloud, cpcAssetsHref } from '@/components/CpcWordCloud';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import { CPC_LEVELS, CPC_SECTION_COLORS, type CpcCloudItem } from '@/lib/cpc';
import { formatCount } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { useUrlState } from '@/lib/url-state';

const LEVEL_LABELS = { section: 'Section', class: 'Class', subclass: 'Subclass' } as const;
const FIRST_YEAR = 1976;
const YEARS = Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) =>
  String(new Date().getFullYear() - i),
);
const VIEWS = ['cloud', 'table'] as const;

/** CPC word cloud (B2.13): level and application year in the URL (`?level=class&year=2015&view=table`). */
export function CpcCloud() {
  const [state, setState] = useUrlState(
    { level: 'subclass', year: '', view: 'cloud' },
    { level: CPC_LEVELS, year: YEARS, view: VIEWS },
  );
  const cloud = useApiData<CpcCloudItem[]>('/dashboards/cpc-wordcloud', {
    level: state.level,
    year: state.year,
  });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">CPC classifications</h1>
      <form className="flex flex-wrap items-end gap-4" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend className="label">Level</legend>
          <div className="flex gap-2">
            {CPC_LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                aria-pressed={state.level === level}
                className={state.level === level ? 'btn-primary' : 'btn'}
                onClick={() => setState({ level })}
              >
                {LEVEL_LABELS[level]}
              </button>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="cpc-year" className="label">
            Application year
          </label>
          <select
            id="cpc-year"
            className="input"
            value={state.year}
            onChange={(event) => setState({ year: event.target.value })}
          >
            <option value="">All years</option>
            {YEARS.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          aria-pressed={state.view === 'table'}
          data-testid="cpc-view-toggle"
          onClick={() => setState({ view: state.view === 'table' ? 'cloud' : 'table' })}
        >
          {state.view === 'table' ? 'Show cloud' : 'Show table'}
        </button>
      </form>
      {cloud.isPending ? (
        <SkeletonRows rows={6} />
      ) : cloud.error ? (
        <InlineError error={cloud.error} />
      ) : cloud.data.length === 0 ? (
        <EmptyState title="No CPC classifications for these assets">
          {state.year ? (
            <button type="button" className="btn" onClick={() => setState({ year: '' })}>
              All years
            </button>
          ) : (
            'Classifications appear once the monthly CPC master files have been loaded.'
          )}
        </EmptyState>
      ) : state.view === 'table' ? (
        <CpcTable items={cloud.data} />
      ) : (
        <section className="card flex flex-col gap-3" aria-label="CPC word cloud">
          <CpcWordCloud items={cloud.data} />
          <SectionLegend />
        </section>
      )}
    </div>
  );
}

function SectionLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-sm" aria-label="Sections">
      {Object.entries(CPC_SECTION_COLORS).map(([section, color]) => (
        <li key={section} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-3 rounded-sm"
            style={{ background: color }}
          />
          {section}
        </li>
      ))}
    </ul>
  );
}

function CpcTable({ items }: { items: CpcCloudItem[] }) {
  return (
    <table className="table" data-testid="cpc-table">
      <caption className="sr-only">CPC codes of the portfolio by asset count</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Description</th>
          <th scope="col">Assets</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.code} data-testid="cpc-row" data-code={item.code} data-count={item.count}>
            <td>
              <Link href={cpcAssetsHref(item.code)} className="link font-semibold">
                {item.code}
              </Link>
            </td>
            <td>{item.description ?? '—'}</td>
            <td className="tabular-nums">{formatCount(item.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
