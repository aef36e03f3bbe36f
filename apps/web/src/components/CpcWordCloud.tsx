'use client';

import { select } from 'd3';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cpcSectionColor, layoutCloud, type CpcCloudItem, type PlacedWord } from '@/lib/cpc';
import { formatCount } from '@/lib/format';

export const cpcAssetsHref = (code: string) => `/assets?cpcCode=${encodeURIComponent(code)}`;

const wordLabel = (word: CpcCloudItem) =>
  `${word.code}${word.description ? `, ${word.description}` : ''}: ${formatCount(word.count)} assets`;

/**
 * The CPC word cloud (B2.13): codes sized by weight and coloured by section. Every word is a link to the assets
 * with that code, so it takes keyboard focus; hovering or focusing one shows its code, description and count.
 */
export function CpcWordCloud({ items, compact = false }: { items: CpcCloudItem[]; compact?: boolean }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const router = useRouter();
  const navigate = useRef(router.push);
  navigate.current = router.push;
  const [active, setActive] = useState<PlacedWord | null>(null);
  const layout = useMemo(
    () => layoutCloud(items, compact ? { minFont: 12, maxFont: 40, height: 300 } : {}),
    [items, compact],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const { box, words } = layout;
    const root = select(svg).attr('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
    root.selectAll('*').remove();
    const links = root
      .selectAll('a')
      .data(words)
      .join('a')
      .attr('href', (word) => cpcAssetsHref(word.code))
      .attr('aria-label', wordLabel)
      .attr('data-testid', 'cpc-word')
      .attr('data-code', (word) => word.code)
      .attr('data-count', (word) => word.count)
      .on('click', (event: MouseEvent, word) => {
        // Client-side navigation keeps the app's state; a modified click still opens a new tab.
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate.current(cpcAssetsHref(word.code));
      })
      .on('mouseenter focus', (_event, word) => setActive(word))
      .on('mouseleave blur', () => setActive(null));
    links
      .append('text')
      .attr('x', (word) => word.x)
      .attr('y', (word) => word.y)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .attr('font-size', (word) => word.fontSize)
      .attr('font-weight', 700)
      .attr('fill', (word) => cpcSectionColor(word.code))
      .text((word) => word.code);
  }, [layout]);

  return (
    <div className="relative">
      <svg
        ref={svgRef}
        role="group"
        aria-label={`CPC codes of the portfolio, ${items.length} codes sized by asset count`}
        className={`w-full rounded-md border border-zinc-200 bg-white dark:border-zinc-700 ${compact ? 'h-56' : 'h-[28rem]'}`}
        data-testid="cpc-cloud"
      />
      <p
        role="status"
        aria-live="polite"
        data-testid="cpc-tooltip"
        className={`pointer-events-none absolute left-2 top-2 max-w-sm rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow ${active ? '' : 'sr-only'}`}
      >
        {active && (
          <>
            <span className="font-semibold">{active.code}</span>
            {active.description && <span className="block">{active.description}</span>}
            <span className="block">{formatCount(active.count)} assets</span>
          </>
        )}
      </p>
    </div>
  );
}
