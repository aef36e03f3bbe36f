import type {
  DiagramBox,
  DiagramBrokenLink,
  DiagramPayloadConnection as DiagramConnection,
} from '@patentrack/shared';
import { formatDiagramDate } from './format';

/** `data-role` of a box, from its D-18 segment. */
export type DiagramRole = 'inventor' | 'owner' | 'bank' | 'third_party';
const ROLES: readonly DiagramRole[] = ['inventor', 'owner', 'bank', 'third_party'];

export interface LayoutOptions {
  /** Box size in px; product B5 asks for about 11 × 5 rem. */
  boxWidth?: number;
  boxHeight?: number;
  columnGap?: number;
  rowGap?: number;
  /** Inventors per row of the top block. */
  inventorsPerRow?: number;
}

export interface LaidOutBox {
  id: number;
  role: DiagramRole;
  x: number;
  y: number;
  width: number;
  height: number;
  column: number;
  /** Index of the date row (owners and banks), null for inventors and third parties. */
  row: number | null;
}

export interface DateRow {
  date: string | null;
  label: string;
  y: number;
  /** The dashed guide runs from the axis to the row's first box. */
  guideEndX: number;
}

export type Point = readonly [number, number];

export interface LaidOutLink {
  id: number;
  points: Point[];
  /** SVG path data of the polyline. */
  path: string;
  /** Polygon points of the filled triangle at the target end. */
  arrowHead: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  axis: { x: number; y1: number; y2: number };
  rows: DateRow[];
  boxes: LaidOutBox[];
  links: LaidOutLink[];
  /** Box lookup by id, for renderers and the break connector. */
  boxById: ReadonlyMap<number, LaidOutBox>;
}

const DEFAULTS: Required<LayoutOptions> = {
  boxWidth: 176,
  boxHeight: 80,
  columnGap: 56,
  rowGap: 40,
  inventorsPerRow: 4,
};
const MARGIN = 24;
/** Room left of the axis for the MM/DD/YYYY labels. */
const AXIS_X = 96;
/** Space between the axis and column 0; vertical runs that skip boxes of column 0 use it. */
const GUTTER = 40;
const STUB = 14;
const FAN = 0.35;
const LANE_STEP = 5;
const ARROW_LENGTH = 8;
const ARROW_HALF_WIDTH = 4;

export function roleOfSegment(segment: number): DiagramRole {
  return ROLES[segment] ?? 'third_party';
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** Date rows in ascending order; undated owners and banks share a last row. */
function dateRows(boxes: DiagramBox[]): (string | null)[] {
  const dated = new Set<string>();
  let undated = false;
  for (const box of boxes) {
    if (box.segment !== 1 && box.segment !== 2) continue;
    if (box.date) dated.add(box.date);
    else undated = true;
  }
  const rows: (string | null)[] = [...dated].sort();
  if (undated) rows.push(null);
  return rows;
}

const byIntroduction = (a: DiagramBox, b: DiagramBox): number =>
  a.assignmentNo - b.assignmentNo || a.id - b.id;

/**
 * Places boxes and routes arrows (product B5 "Layout" and "Arrows"): time runs downward along a dashed axis;
 * inventors form a serpentine top block; owners fill columns 0, 1, … of their date's row, banks the columns after
 * the widest owner row, third parties a last column stacked from the first row. Pure and deterministic.
 */
export function layoutDiagram(
  diagram: { boxes: DiagramBox[]; connections: DiagramConnection[] },
  options: LayoutOptions = {},
): DiagramLayout {
  const o = { ...DEFAULTS, ...options };
  const columnX = (column: number): number => AXIS_X + GUTTER + column * (o.boxWidth + o.columnGap);
  const boxes = [...diagram.boxes].sort((a, b) => a.id - b.id);

  const inventors = boxes.filter((b) => b.segment === 0);
  const laidOut: LaidOutBox[] = [];
  const top = MARGIN;
  inventors.forEach((box, index) => {
    const blockRow = Math.floor(index / o.inventorsPerRow);
    const inRow = index % o.inventorsPerRow;
    const column = blockRow % 2 === 0 ? inRow : o.inventorsPerRow - 1 - inRow;
    laidOut.push({
      id: box.id,
      role: 'inventor',
      x: columnX(column),
      y: top + blockRow * (o.boxHeight + o.rowGap),
      width: o.boxWidth,
      height: o.boxHeight,
      column,
      row: null,
    });
  });
  const inventorRows = Math.ceil(inventors.length / o.inventorsPerRow);
  const firstRowY = top + inventorRows * (o.boxHeight + o.rowGap) + (inventorRows > 0 ? o.rowGap : 0);
  const rowY = (row: number): number => firstRowY + row * (o.boxHeight + o.rowGap);

  const rowDates = dateRows(boxes);
  const rowIndex = new Map(rowDates.map((date, index) => [date, index]));
  const owners = rowDates.map(() => [] as DiagramBox[]);
  const banks = rowDates.map(() => [] as DiagramBox[]);
  for (const box of [...boxes].sort(byIntroduction)) {
    if (box.segment === 1) owners[rowIndex.get(box.date) as number]?.push(box);
    if (box.segment === 2) banks[rowIndex.get(box.date) as number]?.push(box);
  }
  const ownerColumns = Math.max(0, ...owners.map((r) => r.length));
  const bankColumns = Math.max(0, ...banks.map((r) => r.length));
  const rows: DateRow[] = [];
  rowDates.forEach((date, row) => {
    const members = [...(owners[row] ?? []), ...(banks[row] ?? [])];
    let firstColumn = Number.POSITIVE_INFINITY;
    members.forEach((box, index) => {
      const ownerCount = owners[row]?.length ?? 0;
      const column = index < ownerCount ? index : ownerColumns + (index - ownerCount);
      firstColumn = Math.min(firstColumn, column);
      laidOut.push({
        id: box.id,
        role: roleOfSegment(box.segment),
        x: columnX(column),
        y: rowY(row),
        width: o.boxWidth,
        height: o.boxHeight,
        column,
        row,
      });
    });
    rows.push({
      date,
      label: date ? formatDiagramDate(date) : 'Undated',
      y: rowY(row) + o.boxHeight / 2,
      guideEndX: columnX(firstColumn),
    });
  });

  const thirdPartyColumn = ownerColumns + bankColumns;
  boxes
    .filter((b) => b.segment === 3)
    .forEach((box, index) => {
      laidOut.push({
        id: box.id,
        role: 'third_party',
        x: columnX(thirdPartyColumn),
        y: rowY(index),
        width: o.boxWidth,
        height: o.boxHeight,
        column: thirdPartyColumn,
        row: null,
      });
    });

  laidOut.sort((a, b) => a.id - b.id);
  const boxById = new Map(laidOut.map((b) => [b.id, b]));
  const links = routeLinks(diagram.connections, boxById, o);

  const right = Math.max(columnX(0) + o.boxWidth, ...laidOut.map((b) => b.x + b.width));
  const bottom = Math.max(firstRowY, ...laidOut.map((b) => b.y + b.height));
  return {
    width: right + MARGIN,
    height: bottom + MARGIN,
    axis: { x: AXIS_X, y1: firstRowY - o.rowGap / 2, y2: bottom + MARGIN / 2 },
    rows,
    boxes: laidOut,
    links,
    boxById,
  };
}

type Side = 'top' | 'bottom' | 'left' | 'right';

interface Route {
  connection: DiagramConnection;
  source: LaidOutBox;
  target: LaidOutBox;
  kind: 'inventor' | 'vertical' | 'gutter' | 'side' | 'self';
  sourceSide: Side;
  targetSide: Side;
}

const centre = (box: LaidOutBox): Point => [box.x + box.width / 2, box.y + box.height / 2];

/** The anchor on a side, shifted along it by `offset`. */
function anchor(box: LaidOutBox, side: Side, offset: number): Point {
  const [cx, cy] = centre(box);
  switch (side) {
    case 'top':
      return [cx + offset, box.y];
    case 'bottom':
      return [cx + offset, box.y + box.height];
    case 'left':
      return [box.x, cy + offset];
    case 'right':
      return [box.x + box.width, cy + offset];
  }
}

function classify(
  connection: DiagramConnection,
  source: LaidOutBox,
  target: LaidOutBox,
  all: LaidOutBox[],
): Route {
  const base = { connection, source, target };
  if (source.id === target.id) return { ...base, kind: 'self', sourceSide: 'right', targetSide: 'right' };
  const below = target.y > source.y;
  if (source.role === 'inventor' && below)
    return { ...base, kind: 'inventor', sourceSide: 'bottom', targetSide: 'top' };
  if (source.x === target.x && source.y !== target.y) {
    const [low, high] = below ? [source.y, target.y] : [target.y, source.y];
    const blocked = all.some((b) => b.x === source.x && b.y > low && b.y < high);
    if (blocked) return { ...base, kind: 'gutter', sourceSide: 'left', targetSide: 'left' };
    return below
      ? { ...base, kind: 'vertical', sourceSide: 'bottom', targetSide: 'top' }
      : { ...base, kind: 'vertical', sourceSide: 'top', targetSide: 'bottom' };
  }
  const rightward = centre(target)[0] >= centre(source)[0];
  return rightward
    ? { ...base, kind: 'side', sourceSide: 'right', targetSide: 'left' }
    : { ...base, kind: 'side', sourceSide: 'left', targetSide: 'right' };
}

/** Fans the arrows that share a box side across ±35 % of it, ordered by where their other end lies. */
function fanOffsets(routes: Route[]): Map<string, number> {
  const groups = new Map<
    string,
    { box: LaidOutBox; side: Side; ends: { key: string; order: number; tie: number }[] }
  >();
  const add = (box: LaidOutBox, side: Side, other: LaidOutBox, key: string, tie: number) => {
    const [ox, oy] = centre(other);
    const id = `${box.id}:${side}`;
    const group = groups.get(id) ?? { box, side, ends: [] };
    group.ends.push({ key, order: side === 'top' || side === 'bottom' ? ox : oy, tie });
    groups.set(id, group);
  };
  for (const r of routes) {
    if (r.kind === 'self') continue;
    add(r.source, r.sourceSide, r.target, `${r.connection.id}:s`, r.connection.id);
    add(r.target, r.targetSide, r.source, `${r.connection.id}:t`, r.connection.id);
  }
  const offsets = new Map<string, number>();
  for (const { box, side, ends } of groups.values()) {
    const length = side === 'top' || side === 'bottom' ? box.width : box.height;
    ends.sort((a, b) => a.order - b.order || a.tie - b.tie);
    ends.forEach((end, index) => {
      const offset = ends.length === 1 ? 0 : -FAN * length + (index * 2 * FAN * length) / (ends.length - 1);
      offsets.set(end.key, offset);
    });
  }
  return offsets;
}

/** Greedy lane assignment so that overlapping runs in one channel do not draw on top of each other. */
function assignLanes(
  runs: { key: string; channel: string; from: number; to: number }[],
): Map<string, number> {
  const lanes = new Map<string, number>();
  const byChannel = new Map<string, typeof runs>();
  for (const run of runs) byChannel.set(run.channel, [...(byChannel.get(run.channel) ?? []), run]);
  for (const list of byChannel.values()) {
    const laneEnds: number[] = [];
    for (const run of [...list].sort(
      (a, b) => a.from - b.from || a.to - b.to || a.key.localeCompare(b.key),
    )) {
      let lane = laneEnds.findIndex((end) => end < run.from);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = run.to;
      lanes.set(run.key, lane);
    }
  }
  return lanes;
}

/** Lane 0, 1, 2, … → offsets 0, +5, −5, +10, … around a channel's centre line, clamped to its half-width. */
const laneOffset = (lane: number, halfWidth: number): number => {
  const magnitude = Math.ceil(lane / 2) * LANE_STEP;
  return Math.min(magnitude, halfWidth) * (lane % 2 === 1 ? 1 : -1);
};

function routeLinks(
  connections: DiagramConnection[],
  boxById: ReadonlyMap<number, LaidOutBox>,
  o: Required<LayoutOptions>,
): LaidOutLink[] {
  const all = [...boxById.values()];
  const routes: Route[] = [];
  for (const connection of [...connections].sort((a, b) => a.id - b.id)) {
    const source = boxById.get(connection.from);
    const target = boxById.get(connection.to);
    if (source && target) routes.push(classify(connection, source, target, all));
  }
  const fan = fanOffsets(routes);
  const at = (r: Route, end: 's' | 't'): Point =>
    end === 's'
      ? anchor(r.source, r.sourceSide, fan.get(`${r.connection.id}:s`) ?? 0)
      : anchor(r.target, r.targetSide, fan.get(`${r.connection.id}:t`) ?? 0);

  // Inventor arrows drop straight down when nothing is in the way, else down the column gap beside them, then
  // across the row gap above their target; skipping vertical arrows run down the gutter left of their column.
  // Both channels get lanes.
  const gapX = (r: Route): number => r.source.x + r.source.width + o.columnGap / 2;
  const runs = routes.flatMap((r) => {
    const [sy, ty] = [at(r, 's')[1], at(r, 't')[1]];
    if (r.kind === 'inventor')
      return [{ key: `${r.connection.id}`, channel: `gap:${gapX(r)}`, from: sy, to: ty }];
    if (r.kind === 'gutter')
      return [
        {
          key: `${r.connection.id}`,
          channel: `gutter:${r.source.x}`,
          from: Math.min(sy, ty),
          to: Math.max(sy, ty),
        },
      ];
    return [];
  });
  const lanes = assignLanes(runs);

  return routes.map((r) => {
    const start = at(r, 's');
    const end = at(r, 't');
    const lane = lanes.get(`${r.connection.id}`) ?? 0;
    let points: Point[];
    switch (r.kind) {
      case 'self': {
        const [x, y] = anchor(r.source, 'right', 0);
        points = [
          [x, y - 12],
          [x + STUB * 1.5, y - 12],
          [x + STUB * 1.5, y + 12],
          [x, y + 12],
        ];
        break;
      }
      case 'vertical':
        points = [start, [start[0], (start[1] + end[1]) / 2], [end[0], (start[1] + end[1]) / 2], end];
        break;
      case 'inventor': {
        const arriveY = end[1] - o.rowGap / 2 + laneOffset(lane, o.rowGap / 2 - 6) / 2;
        const [sx, sy] = start;
        const straightBlocked = all.some(
          (b) =>
            b.id !== r.source.id &&
            b.id !== r.target.id &&
            b.x < sx &&
            sx < b.x + b.width &&
            b.y + b.height > sy &&
            b.y < arriveY,
        );
        if (!straightBlocked) {
          points = [start, [sx, arriveY], [end[0], arriveY], end];
          break;
        }
        const x = gapX(r) + laneOffset(lane, o.columnGap / 2 - 6);
        const leaveY = sy + o.rowGap / 2;
        points = [start, [sx, leaveY], [x, leaveY], [x, arriveY], [end[0], arriveY], end];
        break;
      }
      case 'gutter': {
        const x = r.source.x - o.columnGap / 2 + laneOffset(lane, Math.min(GUTTER, o.columnGap) / 2 - 4);
        points = [start, [x, start[1]], [x, end[1]], end];
        break;
      }
      case 'side': {
        const direction = r.sourceSide === 'right' ? 1 : -1;
        points = [start, [start[0] + direction * STUB, start[1]], [end[0] - direction * STUB, end[1]], end];
        break;
      }
    }
    const clean = simplify(points.map(([x, y]) => [round(x), round(y)] as const));
    return { id: r.connection.id, points: clean, path: toPath(clean), arrowHead: arrowHead(clean) };
  });
}

/** Drops repeated points so that zero-length segments never decide the arrow's direction. */
function simplify(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1]);
}

export function toPath(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join(' ');
}

function arrowHead(points: Point[]): string {
  const tip = points[points.length - 1] as Point;
  const from = (points[points.length - 2] ?? tip) as Point;
  const length = Math.hypot(tip[0] - from[0], tip[1] - from[1]) || 1;
  const [ux, uy] = [(tip[0] - from[0]) / length, (tip[1] - from[1]) / length];
  const [bx, by] = [tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH];
  const corners: Point[] = [
    tip,
    [bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH],
    [bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH],
  ];
  return corners.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
}

/**
 * The `?highlight=break` connectors (product B5): one dashed path from each expected-holder box to each box of
 * the break's actual assignors, leaving and entering the sides that face each other.
 */
export function layoutBreakConnectors(layout: DiagramLayout, brokenLink: DiagramBrokenLink): LaidOutLink[] {
  const connectors: LaidOutLink[] = [];
  let id = 0;
  for (const fromId of brokenLink.fromBoxIds) {
    for (const toId of brokenLink.toBoxIds) {
      const from = layout.boxById.get(fromId);
      const to = layout.boxById.get(toId);
      if (!from || !to || from.id === to.id) continue;
      id += 1;
      const [fx, fy] = centre(from);
      const [tx, ty] = centre(to);
      let points: Point[];
      if (Math.abs(tx - fx) < 1) {
        const down = ty > fy;
        points = [anchor(from, down ? 'bottom' : 'top', 0), anchor(to, down ? 'top' : 'bottom', 0)];
      } else {
        const rightward = tx > fx;
        const start = anchor(from, rightward ? 'right' : 'left', 0);
        const end = anchor(to, rightward ? 'left' : 'right', 0);
        const d = rightward ? STUB : -STUB;
        points = [start, [start[0] + d, start[1]], [end[0] - d, end[1]], end];
      }
      const clean = simplify(points.map(([x, y]) => [round(x), round(y)] as const));
      connectors.push({ id, points: clean, path: toPath(clean), arrowHead: arrowHead(clean) });
    }
  }
  return connectors;
}
