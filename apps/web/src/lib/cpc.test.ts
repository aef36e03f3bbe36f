import { describe, expect, it } from 'vitest';
import { cpcSectionColor, layoutCloud, type CpcCloudItem } from './cpc';

const items: CpcCloudItem[] = Array.from({ length: 60 }, (_, index) => {
  const count = 60 - index;
  return {
    code: `${'ABCDEFGHY'[index % 9]}${String(index).padStart(2, '0')}${'KLMN'[index % 4]}`,
    description: null,
    count,
    weight: count / 60,
  };
});

describe('CPC word cloud layout', () => {
  it('places every word once, none overlapping, all inside the box', () => {
    const { words, box } = layoutCloud(items);
    expect(words.map((w) => w.code).sort()).toEqual(items.map((i) => i.code).sort());
    for (const [i, a] of words.entries()) {
      expect(a.x - a.width / 2).toBeGreaterThanOrEqual(box.x);
      expect(a.x + a.width / 2).toBeLessThanOrEqual(box.x + box.width);
      expect(a.y - a.height / 2).toBeGreaterThanOrEqual(box.y);
      expect(a.y + a.height / 2).toBeLessThanOrEqual(box.y + box.height);
      for (const b of words.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height;
        expect(apart, `${a.code} overlaps ${b.code}`).toBe(true);
      }
    }
  });

  it('sizes words by weight: the highest count is the largest word', () => {
    const { words } = layoutCloud(items);
    const bySize = [...words].sort((a, b) => b.fontSize - a.fontSize);
    expect(bySize[0]!.code).toBe(items[0]!.code);
    for (const [i, word] of words.entries())
      if (i > 0) expect(word.fontSize).toBeLessThanOrEqual(words[i - 1]!.fontSize);
  });

  it('is deterministic and handles one word or none', () => {
    expect(layoutCloud(items)).toEqual(layoutCloud(items));
    expect(layoutCloud([items[0]!]).words).toHaveLength(1);
    expect(layoutCloud([]).words).toEqual([]);
  });

  it('colours by section letter', () => {
    expect(cpcSectionColor('H04L')).toBe(cpcSectionColor('H'));
    expect(cpcSectionColor('A01')).not.toBe(cpcSectionColor('B01'));
  });
});
