'use client';

import { axisBottom, brushX, extent, max, scaleBand, scaleSqrt, scaleTime, select } from 'd3';
import { useEffect, useRef } from 'react';
import { conveyanceTypeInfo } from '@patentrack/shared';

export interface TimelineEntry {
  rfId: string;
  recordDate: string | null;
  type: string | null;
  color: string | null;
  assignor: string | null;
  assignee: string | null;
  assetCount: number;
}

const MARGIN = { top: 8, right: 16, bottom: 28, left: 110 };
const LANE_HEIGHT = 28;

/**
 * One swim lane per conveyance type on a shared time axis (B2.11): dots coloured by type and sized by asset
 * count; brushing a range reports it so the list below follows.
 */
export function SwimLanes({
  entries,
  onBrush,
}: {
  entries: TimelineEntry[];
  onBrush: (range: [string, string] | null) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const brushed = useRef(onBrush);
  brushed.current = onBrush;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const dated = entries.filter((entry) => entry.recordDate);
    const types = [...new Set(dated.map((entry) => entry.type ?? 'unclassified'))].sort();
    const width = svg.clientWidth || 800;
    const height = MARGIN.top + MARGIN.bottom + Math.max(types.length, 1) * LANE_HEIGHT;
    const root = select(svg).attr('height', height);
    root.selectAll('*').remove();
    if (dated.length === 0) return;
    const dates = dated.map((entry) => new Date(entry.recordDate!));
    const [first, last] = extent(dates) as [Date, Date];
    const x = scaleTime()
      .domain([first, last.getTime() === first.getTime() ? new Date(first.getTime() + 86_400_000) : last])
      .range([MARGIN.left, width - MARGIN.right])
      .nice();
    const lane = scaleBand<string>()
      .domain(types)
      .range([MARGIN.top, height - MARGIN.bottom])
      .padding(0.2);
    const radius = scaleSqrt()
      .domain([0, max(dated, (entry) => entry.assetCount) ?? 1])
      .range([2.5, 9]);

    root
      .append('g')
      .selectAll('text')
      .data(types)
      .join('text')
      .attr('x', MARGIN.left - 8)
      .attr('y', (type) => (lane(type) ?? 0) + lane.bandwidth() / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('font-size', 12)
      .attr('fill', 'currentColor')
      .text((type) => type);
    root
      .append('g')
      .attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))))
      .attr('color', 'currentColor');
    root
      .append('g')
      .selectAll('circle')
      .data(dated)
      .join('circle')
      .attr('data-testid', 'timeline-dot')
      .attr('cx', (entry) => x(new Date(entry.recordDate!)))
      .attr('cy', (entry) => (lane(entry.type ?? 'unclassified') ?? 0) + lane.bandwidth() / 2)
      .attr('r', (entry) => radius(entry.assetCount))
      .attr('fill', (entry) => entry.color ?? conveyanceTypeInfo(entry.type ?? '')?.color ?? '#E60000')
      .attr('fill-opacity', 0.75)
      .attr('stroke', '#3f3f46')
      .attr('stroke-width', 0.5)
      .append('title')
      .text(
        (entry) =>
          `${entry.type ?? 'unclassified'} ${entry.recordDate}: ${entry.assignor ?? '?'} → ${entry.assignee ?? '?'}`,
      );

    const brush = brushX()
      .extent([
        [MARGIN.left, MARGIN.top],
        [width - MARGIN.right, height - MARGIN.bottom],
      ])
      .on('end', (event: { selection: [number, number] | null; sourceEvent?: unknown }) => {
        if (!event.sourceEvent) return;
        if (!event.selection) return brushed.current(null);
        const [from, to] = event.selection.map((pixel) => x.invert(pixel).toISOString().slice(0, 10)) as [
          string,
          string,
        ];
        brushed.current([from, to]);
      });
    root.append('g').attr('data-testid', 'timeline-brush').call(brush);
  }, [entries]);

  return (
    <svg
      ref={svgRef}
      role="img"
      aria-label={`Transactions over time in ${new Set(entries.map((e) => e.type)).size} conveyance types`}
      className="w-full text-zinc-700 dark:text-zinc-300"
      data-testid="timeline-chart"
    />
  );
}
