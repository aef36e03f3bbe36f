import { scaleLinear } from 'd3';

/** The word cloud's grouping levels (#33 `level`). */
export const CPC_LEVELS = ['section', 'class', 'subclass'] as const;
export type CpcLevel = (typeof CPC_LEVELS)[number];

export interface CpcCloudItem {
  code: string;
  description: string | null;
  count: number;
  weight: number;
}

/**
 * One colour per CPC section (B2.13). Dark enough for 4.5:1 on the cloud's white panel, which is white in both
 * themes, because category colours are the same in light and dark mode (Part D).
 */
export const CPC_SECTION_COLORS: Record<string, string> = {
  A: '#b91c1c',
  B: '#c2410c',
  C: '#a16207',
  D: '#15803d',
  E: '#0f766e',
  F: '#1d4ed8',
  G: '#6d28d9',
  H: '#be185d',
  Y: '#4b5563',
};

export const cpcSectionColor = (code: string) => CPC_SECTION_COLORS[code.charAt(0)] ?? '#3f3f46';

export interface PlacedWord extends CpcCloudItem {
  x: number;
  y: number;
  fontSize: number;
  width: number;
  height: number;
}

export interface CloudLayout {
  words: PlacedWord[];
  /** The bounding box of every word, for the SVG `viewBox`. */
  box: { x: number; y: number; width: number; height: number };
}

/** Bold sans-serif capitals and digits are at most this many ems wide; over-estimating keeps words apart. */
const GLYPH_EM = 0.68;
const PADDING = 4;

/**
 * Places the words on an elliptic spiral around the centre, largest first, each where it overlaps none placed
 * before. Font size grows linearly with `weight`, so the largest word is the highest count. Deterministic (the
 * same items give the same picture) and every word is placed: the box grows to hold them.
 */
export function layoutCloud(
  items: readonly CpcCloudItem[],
  { width = 800, height = 400, minFont = 14, maxFont = 64 } = {},
): CloudLayout {
  const size = scaleLinear().domain([0, 1]).range([minFont, maxFont]).clamp(true);
  const placed: PlacedWord[] = [];
  const overlaps = (a: PlacedWord, b: PlacedWord) =>
    Math.abs(a.x - b.x) * 2 < a.width + b.width + PADDING && Math.abs(a.y - b.y) * 2 < a.height + b.height;
  for (const item of [...items].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))) {
    const fontSize = Math.round(size(item.weight));
    const word = {
      ...item,
      fontSize,
      width: fontSize * GLYPH_EM * item.code.length,
      height: fontSize,
      x: 0,
      y: 0,
    };
    for (let step = 0; ; step += 1) {
      const angle = step * 0.35;
      const radius = step * 0.9;
      word.x = (radius * Math.cos(angle) * width) / height;
      word.y = radius * Math.sin(angle);
      if (!placed.some((other) => overlaps(word, other))) break;
    }
    placed.push(word);
  }
  const left = Math.min(0, ...placed.map((w) => w.x - w.width / 2)) - PADDING;
  const right = Math.max(0, ...placed.map((w) => w.x + w.width / 2)) + PADDING;
  const top = Math.min(0, ...placed.map((w) => w.y - w.height / 2)) - PADDING;
  const bottom = Math.max(0, ...placed.map((w) => w.y + w.height / 2)) + PADDING;
  return { words: placed, box: { x: left, y: top, width: right - left, height: bottom - top } };
}
