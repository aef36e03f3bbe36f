import { describe, expect, it } from 'vitest';
import { diagramPayloadSchema, diagramSchema } from '@patentrack/shared';
import { layoutBreakConnectors, layoutDiagram, type LaidOutBox } from './layout';
import {
  brokenChainDiagram,
  diagramFromTransactions,
  generatedDiagram,
  workedExampleDiagram,
  type TransactionSpec,
} from './testing/samples';

const overlaps = (a: LaidOutBox, b: LaidOutBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutDiagram — business-rules §5.8 worked example', () => {
  const diagram = diagramSchema.parse(workedExampleDiagram());
  const layout = layoutDiagram(diagram);
  const box = (name: string) => layout.boxById.get(diagram.boxes.find((b) => b.name === name)!.id)!;

  it('places the inventor on top, the owner in column 0 and the bank to its right on its own date row', () => {
    expect(box('SMITH, JOHN')).toMatchObject({ role: 'inventor', column: 0, row: null });
    expect(box('BETA CORP')).toMatchObject({ role: 'owner', column: 0, row: 0 });
    expect(box('FIRST BANK')).toMatchObject({ role: 'bank', column: 1, row: 1 });
    expect(box('SMITH, JOHN').y).toBeLessThan(box('BETA CORP').y);
    expect(box('BETA CORP').y).toBeLessThan(box('FIRST BANK').y);
    expect(box('FIRST BANK').x).toBeGreaterThan(box('BETA CORP').x);
  });

  it('labels one dashed guide per owner/bank date as MM/DD/YYYY', () => {
    expect(layout.rows.map((r) => r.label)).toEqual(['03/01/2005', '06/01/2015']);
    expect(layout.rows[0]!.y).toBe(box('BETA CORP').y + box('BETA CORP').height / 2);
  });

  it('routes one arrow per connection, inventor arrow from bottom centre into the target top', () => {
    expect(layout.links.map((l) => l.id)).toEqual([1, 2, 3]);
    const inventorArrow = layout.links[0]!;
    const [first, last] = [inventorArrow.points[0]!, inventorArrow.points.at(-1)!];
    const smith = box('SMITH, JOHN');
    const beta = box('BETA CORP');
    expect(first).toEqual([smith.x + smith.width / 2, smith.y + smith.height]);
    expect(last[1]).toBe(beta.y);
    expect(last[0]).toBeGreaterThan(beta.x);
    expect(last[0]).toBeLessThan(beta.x + beta.width);
    // Nothing lies between SMITH and BETA, so the arrow drops straight down.
    expect(new Set(inventorArrow.points.map((p) => p[0])).size).toBe(1);
  });

  it('ends each date guide at the first box of its row', () => {
    expect(layout.rows.map((r) => r.guideEndX)).toEqual([box('BETA CORP').x, box('FIRST BANK').x]);
  });

  it('fans the two arrows between BETA and FIRST BANK apart on the shared sides', () => {
    const [security, release] = [layout.links[1]!, layout.links[2]!];
    expect(security.points[0]![0]).toBe(box('BETA CORP').x + box('BETA CORP').width);
    expect(release.points.at(-1)![0]).toBe(box('BETA CORP').x + box('BETA CORP').width);
    expect(security.points[0]![1]).not.toBe(release.points.at(-1)![1]);
    const spread = Math.abs(security.points[0]![1] - release.points.at(-1)![1]);
    expect(spread).toBeLessThanOrEqual(0.7 * box('BETA CORP').height + 0.1);
  });

  it('ends every arrow in a triangle whose tip is the path end', () => {
    for (const link of layout.links) {
      const tip = link.points.at(-1)!;
      expect(link.arrowHead.split(' ')[0]).toBe(`${tip[0]},${tip[1]}`);
      expect(link.path.startsWith('M')).toBe(true);
    }
  });

  it('is deterministic: the same JSON gives the same layout', () => {
    const again = layoutDiagram(diagramSchema.parse(workedExampleDiagram()));
    expect(JSON.stringify(again.links)).toBe(JSON.stringify(layout.links));
    expect(JSON.stringify(again.boxes)).toBe(JSON.stringify(layout.boxes));
  });
});

describe('layoutDiagram — generated 100-transaction history', () => {
  const diagram = diagramSchema.parse(generatedDiagram(100));
  const layout = layoutDiagram(diagram);

  it('lays out every box exactly once, inside the canvas, with no two boxes overlapping', () => {
    expect(layout.boxes).toHaveLength(diagram.boxes.length);
    for (const [i, a] of layout.boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(layout.axis.x);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} vs ${b.id}`).toBe(false);
    }
  });

  it('keeps the serpentine inventor block: 4 per row, the second row right to left', () => {
    const inventors = layout.boxes.filter((b) => b.role === 'inventor');
    expect(inventors.map((b) => b.column)).toEqual([0, 1, 2, 3, 3, 2]);
  });

  it('routes inventor arrows around the inventors below them, never through a box', () => {
    const inventorLinks = diagram.connections.filter((c) => layout.boxById.get(c.from)!.role === 'inventor');
    expect(inventorLinks).toHaveLength(6);
    for (const c of inventorLinks) {
      const points = layout.links.find((l) => l.id === c.id)!.points;
      for (const [i, p] of points.slice(0, -1).entries()) {
        const q = points[i + 1]!;
        if (p[0] !== q[0]) continue;
        const [y1, y2] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
        const crossed = layout.boxes.filter(
          (b) =>
            b.id !== c.from &&
            b.id !== c.to &&
            b.x < p[0] &&
            p[0] < b.x + b.width &&
            b.y < y2 &&
            b.y + b.height > y1,
        );
        expect(
          crossed.map((b) => b.id),
          `connection ${c.id}`,
        ).toEqual([]);
      }
    }
  });

  it('puts rows in date order, owners before banks, third parties in the last column', () => {
    const dates = layout.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    const ownerColumns = Math.max(...layout.boxes.filter((b) => b.role === 'owner').map((b) => b.column));
    const banks = layout.boxes.filter((b) => b.role === 'bank');
    const thirdParties = layout.boxes.filter((b) => b.role === 'third_party');
    expect(banks.length).toBeGreaterThan(0);
    expect(thirdParties.length).toBeGreaterThan(0);
    expect(Math.min(...banks.map((b) => b.column))).toBeGreaterThan(ownerColumns);
    const lastColumn = Math.max(...layout.boxes.filter((b) => b.role !== 'inventor').map((b) => b.column));
    expect(thirdParties.every((b) => b.column === lastColumn)).toBe(true);
    for (const b of layout.boxes.filter((x) => x.row !== null)) {
      const box = diagram.boxes.find((d) => d.id === b.id)!;
      expect(layout.rows[b.row!]!.date).toBe(box.date);
    }
  });

  it('routes an arrow for every connection; vertical runs that skip boxes go down the gutter', () => {
    expect(layout.links).toHaveLength(diagram.connections.length);
    for (const link of layout.links) {
      const c = diagram.connections.find((x) => x.id === link.id)!;
      const [from, to] = [layout.boxById.get(c.from)!, layout.boxById.get(c.to)!];
      const end = link.points.at(-1)!;
      expect(end[0]).toBeGreaterThanOrEqual(to.x - 0.1);
      expect(end[0]).toBeLessThanOrEqual(to.x + to.width + 0.1);
      expect(end[1]).toBeGreaterThanOrEqual(to.y - 0.1);
      expect(end[1]).toBeLessThanOrEqual(to.y + to.height + 0.1);
      if (from.role !== 'inventor' && from.x === to.x && from.id !== to.id) {
        const skipped = layout.boxes.some(
          (b) => b.x === from.x && b.y > Math.min(from.y, to.y) && b.y < Math.max(from.y, to.y),
        );
        if (skipped) expect(Math.min(...link.points.map((p) => p[0]))).toBeLessThan(from.x);
      }
    }
  });
});

describe('layoutDiagram — arrows within one owner column', () => {
  const tx = (
    n: number,
    from: string,
    to: string,
    type: TransactionSpec['type'] = 'assignment',
  ): TransactionSpec => ({
    rfId: `00${n}000-0001`,
    type,
    execDate: `201${n}-01-01`,
    recordDate: `201${n}-02-01`,
    assignors: [{ name: from, segment: from === 'INVENTOR' ? 0 : 1 }],
    assignees: [{ name: to, segment: 1 }],
  });
  const general = {
    application: '1',
    patent: '1',
    title: 't',
    appnoDate: null,
    grantDate: null,
    status: null,
  };
  const diagram = diagramFromTransactions(general, [
    tx(1, 'INVENTOR', 'A', 'employee'),
    tx(2, 'A', 'B'),
    tx(3, 'B', 'C'),
    tx(4, 'C', 'D'),
    tx(5, 'A', 'C', 'correct'),
    tx(6, 'B', 'D', 'correct'),
  ]);
  const layout = layoutDiagram(diagram);
  const link = (id: number) => layout.links.find((l) => l.id === id)!;

  it('joins neighbouring rows of a column with a vertical arrow, bottom to top', () => {
    const [a, b] = [layout.boxById.get(2)!, layout.boxById.get(3)!];
    expect(link(2).points[0]).toEqual([a.x + a.width / 2, a.y + a.height]);
    expect(link(2).points.at(-1)).toEqual([b.x + b.width / 2, b.y]);
  });

  it('sends arrows that would cross a box down the gutter, overlapping runs in separate lanes', () => {
    const [ac, bd] = [link(5), link(6)];
    const a = layout.boxById.get(2)!;
    expect(ac.points[0]![0]).toBe(a.x);
    const laneX = (l: typeof ac) => Math.min(...l.points.map((p) => p[0]));
    expect(laneX(ac)).toBeLessThan(a.x);
    expect(laneX(bd)).toBeLessThan(a.x);
    expect(laneX(ac)).not.toBe(laneX(bd));
  });
});

describe('layoutBreakConnectors', () => {
  it('draws a connector from the expected holder to the actual assignor of BT-2', () => {
    const diagram = diagramPayloadSchema.parse(brokenChainDiagram());
    const layout = layoutDiagram(diagram);
    const connectors = layoutBreakConnectors(layout, diagram.brokenLink!);
    expect(connectors).toHaveLength(1);
    const acme = layout.boxById.get(diagram.brokenLink!.fromBoxIds[0]!)!;
    const gamma = layout.boxById.get(diagram.brokenLink!.toBoxIds[0]!)!;
    const [start, end] = [connectors[0]!.points[0]!, connectors[0]!.points.at(-1)!];
    expect(start[1] === acme.y + acme.height || start[0] === acme.x + acme.width || start[0] === acme.x).toBe(
      true,
    );
    expect(end[1] === gamma.y || end[0] === gamma.x || end[0] === gamma.x + gamma.width).toBe(true);
  });

  it('ignores box ids the layout does not know', () => {
    const layout = layoutDiagram(workedExampleDiagram());
    expect(layoutBreakConnectors(layout, { rfId: 'x', fromBoxIds: [99], toBoxIds: [1] })).toEqual([]);
  });
});
