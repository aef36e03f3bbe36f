'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { EmptyState, InlineError, SkeletonRows } from '@/components/States';
import type { Page } from '@/lib/api';
import { formatApplicationNumber, formatPatentNumber } from '@/lib/format';
import { useApiBody } from '@/lib/queries';
import { useUrlState } from '@/lib/url-state';

interface SearchResult {
  id: string;
  numbers: { grant?: string | null; application?: string | null };
  title: string | null;
  matchField: string;
  matchSnippet: string | null;
  score: number;
}

const FIELDS = ['title', 'number', 'assignee', 'inventor', 'conveyance'] as const;

/** Search (B2.16): 300 ms debounce, field toggles, query and fields in the URL, ranked results with snippets. */
export function Search() {
  const [state, setState] = useUrlState({ q: '', fields: '' });
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);
  useEffect(() => {
    if (text === state.q) return;
    const timer = setTimeout(() => setState({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
  }, [text, state.q, setState]);
  const fields = state.fields
    ? state.fields.split(',').filter((field) => (FIELDS as readonly string[]).includes(field))
    : [];
  const results = useApiBody<Page<SearchResult>>(state.q ? '/assets/search' : null, {
    q: state.q,
    fields: fields.join(','),
  });

  const toggle = (field: string) => {
    const next = fields.includes(field) ? fields.filter((value) => value !== field) : [...fields, field];
    setState({ fields: next.join(',') });
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Search</h1>
      <div role="search" className="flex flex-col gap-3">
        <div className="max-w-xl">
          <label htmlFor="search-q" className="label">
            Patent number, title, party or conveyance text
          </label>
          <input
            id="search-q"
            type="search"
            className="input"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="sr-only">Search in</legend>
          {FIELDS.map((field) => (
            <label key={field} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={fields.length === 0 || fields.includes(field)}
                onChange={() => toggle(field)}
              />{' '}
              {field}
            </label>
          ))}
        </fieldset>
      </div>
      {!state.q ? (
        <p className="muted text-sm">Type a number such as 10,224,138 or a company name.</p>
      ) : results.isPending ? (
        <SkeletonRows rows={4} />
      ) : results.error ? (
        <InlineError error={results.error} />
      ) : results.data.data.length === 0 ? (
        <EmptyState title={`Nothing matches “${state.q}”`}>
          Try fewer words, a patent number without its kind code, or another field.
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-2">
          {results.data.data.map((result) => (
            <li key={result.id} className="card" data-testid="search-result">
              <Link href={`/assets/${result.id}`} className="link font-semibold">
                {result.numbers.grant
                  ? formatPatentNumber(result.numbers.grant)
                  : formatApplicationNumber(result.numbers.application)}
              </Link>{' '}
              {result.title}
              <p className="text-sm muted">
                Matched {result.matchField}
                {result.matchSnippet && `: ${result.matchSnippet}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
