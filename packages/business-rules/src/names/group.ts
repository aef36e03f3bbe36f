import { distance } from 'fastest-levenshtein';
import { groupThreshold, type GroupThresholdBands } from '../config';
import { EditDistanceIndex } from './edit-distance-index';

export interface NameGroupItem {
  entityId: string;
  /** Already normalized (BR-013…BR-016). */
  name: string;
  instances: number;
}

/** Admin decisions that override the automatic grouping (`org_entity_overrides`). */
export interface NameGroupOverrides {
  /** Entity joins the group that contains `intoEntityId`. */
  merges?: readonly { entityId: string; intoEntityId: string }[];
  /** Entities split out as their own party. */
  splits?: readonly string[];
}

export interface GroupNamesOptions {
  groupThreshold?: GroupThresholdBands;
  overrides?: NameGroupOverrides;
}

/** One `representatives` row: its canonical name and members (in BR-020 sort order). */
export interface NameGroup {
  canonical: string;
  canonicalEntityId: string;
  totalInstances: number;
  members: NameGroupItem[];
}

const wordCount = (name: string): number => name.split(/\s+/u).filter(Boolean).length;

/** An item's place in the BR-020 order. */
export interface GroupingOrderKey {
  entityId: string;
  words: number;
  instances: number;
  /** Lower-cased name, the string BR-018 compares. */
  lower: string;
}

export function groupingOrderKey(item: NameGroupItem): GroupingOrderKey {
  return {
    entityId: item.entityId,
    words: wordCount(item.name),
    instances: item.instances,
    lower: item.name.toLowerCase(),
  };
}

/** BR-020 (with the D-9 tie-breaks): word count desc, instances desc, lower-cased name asc, then entity id. */
export function compareGroupingOrder(a: GroupingOrderKey, b: GroupingOrderKey): number {
  return (
    b.words - a.words ||
    b.instances - a.instances ||
    (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0) ||
    (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0)
  );
}

export function sortForGrouping(items: readonly NameGroupItem[]): NameGroupItem[] {
  const keyed = items.map((item) => ({ item, key: groupingOrderKey(item) }));
  keyed.sort((a, b) => compareGroupingOrder(a.key, b.key));
  return keyed.map(({ item }) => item);
}

/** BR-018: `lev(a, b) < threshold(shorter length)` for lower-cased names, the length gap checked first. */
export function withinGroupThreshold(
  a: string,
  b: string,
  threshold: (shorterLength: number) => number,
): boolean {
  const limit = threshold(Math.min(a.length, b.length));
  return Math.abs(a.length - b.length) < limit && distance(a, b) < limit;
}

/**
 * BR-018…BR-020: greedy seeding in BR-020 order; an ungrouped item joins a seed when
 * `lev(lower(seed), lower(item)) < threshold(shorter length)` (seed only, not transitive);
 * canonical = most instances, ties to the earliest in sort order (BR-019); admin merges/splits win.
 */
export function groupNames(items: readonly NameGroupItem[], options: GroupNamesOptions = {}): NameGroup[] {
  const bands = options.groupThreshold;
  const sorted = sortForGrouping(items);
  const lowered = sorted.map((item) => item.name.toLowerCase());
  const longest = lowered.reduce((max, name) => Math.max(max, name.length), 0);
  const thresholdByLength = Int32Array.from({ length: longest + 1 }, (_, length) =>
    groupThreshold(length, bands),
  );
  const splitIds = new Set(options.overrides?.splits ?? []);
  const thresholdOf = (shorter: number) => thresholdByLength[shorter]!;
  const split = Uint8Array.from(sorted, (item) => (splitIds.has(item.entityId) ? 1 : 0));
  const index = new EditDistanceIndex(lowered, (shorter) => thresholdOf(shorter) - 1);
  const grouped = new Uint8Array(sorted.length);
  const groups: number[][] = [];

  // Hot loop over up to millions of candidates: typed arrays only, cheapest rejections first.
  for (let seedRank = 0; seedRank < sorted.length; seedRank++) {
    if (grouped[seedRank]) continue;
    grouped[seedRank] = 1;
    const members = [seedRank];
    groups.push(members);
    if (split[seedRank]) continue;
    const seedName = lowered[seedRank]!;
    for (const rank of index.candidates(seedName, grouped)) {
      if (split[rank]) continue;
      if (withinGroupThreshold(seedName, lowered[rank]!, thresholdOf)) {
        grouped[rank] = 1;
        members.push(rank);
      }
    }
  }

  applyMerges(sorted, groups, options.overrides?.merges ?? []);
  return groups
    .filter((members) => members.length > 0)
    .map((members) => members.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => toGroup(members.map((rank) => sorted[rank]!)));
}

function applyMerges(
  sorted: readonly NameGroupItem[],
  groups: number[][],
  merges: readonly { entityId: string; intoEntityId: string }[],
): void {
  const rankOf = new Map(sorted.map((item, rank) => [item.entityId, rank]));
  const groupOf = new Map<number, number[]>();
  for (const members of groups) for (const rank of members) groupOf.set(rank, members);
  const ordered = [...merges].sort((a, b) =>
    a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0,
  );
  for (const { entityId, intoEntityId } of ordered) {
    const rank = rankOf.get(entityId);
    const targetRank = rankOf.get(intoEntityId);
    if (rank === undefined || targetRank === undefined) continue;
    const from = groupOf.get(rank)!;
    const into = groupOf.get(targetRank)!;
    if (from === into) continue;
    from.splice(from.indexOf(rank), 1);
    into.push(rank);
    groupOf.set(rank, into);
  }
}

/** BR-019: the member with the most instances; members arrive in sort order, so ties keep the earliest. */
function toGroup(members: NameGroupItem[]): NameGroup {
  let canonical = members[0]!;
  let totalInstances = 0;
  for (const member of members) {
    totalInstances += member.instances;
    if (member.instances > canonical.instances) canonical = member;
  }
  return { canonical: canonical.name, canonicalEntityId: canonical.entityId, totalInstances, members };
}
