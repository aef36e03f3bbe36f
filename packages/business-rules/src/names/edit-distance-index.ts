/**
 * Candidate generation for "edit distance ≤ d" over many strings without comparing all pairs.
 *
 * 1. Pigeonhole (partition-based join): a string s cut into τ+1 disjoint segments keeps at least one
 *    segment intact under ≤ τ edits, and that segment reappears in the other string shifted by ≤ τ.
 *    Each string of length l is cut into τ(l)+1 segments, τ(l) = the largest distance allowed for
 *    any partner whose shorter side is ≤ l, so lookups find every pair within the allowed distance.
 * 2. Character-count bound: a substitution changes a character histogram by at most 2 in L1 distance, an
 *    insertion or deletion by 1 while changing the length by 1, so `lev ≥ (L1 + |length difference|) / 2`. Histograms are stored inside the posting lists (read sequentially, no cache misses).
 * Segments are found by a rolling hash of the query (no substring allocated per window position) in
 * open-addressed tables on typed arrays; posting lists are slices of flat typed arrays.
 */

/** Histogram buckets: a–z, space, anything else; 4-bit saturating counts, 7 per 32-bit word. */
const BUCKETS = 28;
const WORDS = 4;
/** Posting entries: the id and histogram words 0–1 side by side; words 2–3 apart, read for the few that pass 0–1. */
const HEAD = 3;
const TAIL = WORDS - 2;
/** Frequent characters first: words 0–1 hold the fourteen most frequent, so most entries are decided by them. */
const BUCKET_ORDER = 'eaiorn tslcudmphgbyfwkvxjqz';
const BUCKET_OF = new Uint8Array(128).fill(BUCKETS - 1);
for (let b = 0; b < BUCKET_ORDER.length; b++) BUCKET_OF[BUCKET_ORDER.charCodeAt(b)] = b;

/** Writes the packed histogram of `s` at `into[offset…offset + WORDS)`. */
function histogramInto(s: string, into: Int32Array, offset: number): void {
  into.fill(0, offset, offset + WORDS);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const bucket = code < 128 ? BUCKET_OF[code]! : BUCKETS - 1;
    const word = offset + ((bucket / 7) | 0);
    const shift = (bucket % 7) * 4;
    if (((into[word]! >>> shift) & 15) < 15) into[word]! += 1 << shift;
  }
}

const LANES_LOW = 0x0f0f0f0f;
const LANES_HIGH_BIT = 0x80808080;

/** Per-byte |x − y| of four byte lanes holding values 0–15 (SWAR, no cross-lane borrow). */
function laneAbsDiff(x: number, y: number): number {
  const biased = ((x | LANES_HIGH_BIT) - y) | 0;
  const xAtLeastY = Math.imul((biased & LANES_HIGH_BIT) >>> 7, 0xff);
  const low = biased & 0x7f7f7f7f;
  return (low & xAtLeastY) | ((LANES_HIGH_BIT - low) & ~xAtLeastY);
}

/** Per-byte |x − y| over both nibbles of each byte lane: ≤ 30, so two words' four lanes sum to ≤ 240, one byte. */
function wordLanes(a: number, b: number): number {
  return (
    laneAbsDiff(a & LANES_LOW, b & LANES_LOW) + laneAbsDiff((a >>> 4) & LANES_LOW, (b >>> 4) & LANES_LOW)
  );
}

const sumOfLanes = (lanes: number): number => Math.imul(lanes, 0x01010101) >>> 24;

/** Polynomial hash mod 2³²: any substring's hash follows from two prefix hashes and a power of the base. */
const HASH_BASE = 0x01000193;

function prefixHashesInto(s: string, into: Int32Array): void {
  let hash = 0;
  into[0] = 0;
  for (let i = 0; i < s.length; i++) {
    hash = (Math.imul(hash, HASH_BASE) + s.charCodeAt(i)) | 0;
    into[i + 1] = hash;
  }
}

/** Table slot of a substring hash: the polynomial hash's low bits are poorly spread, so they are mixed first. */
function slotOf(hash: number, mask: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** Strings per length bucket used to choose its cut, and how much longer than even a segment may grow. */
const PARTITION_SAMPLE = 128;
const PARTITION_STRETCH = 12;

interface Cut {
  starts: number[];
  lengths: number[];
}

/** One segment position of a length bucket: open-addressed segment text → posting list. */
interface SegmentTable {
  start: number;
  length: number;
  mask: number;
  /** Per slot, side by side (one cache line): the segment's hash, and its list number + 1 (0: empty slot). */
  slots: Int32Array;
}

interface LengthBucket {
  tau: number;
  segments: SegmentTable[];
}

export class EditDistanceIndex {
  private readonly buckets: (LengthBucket | undefined)[] = [];
  /** Strings too short to cut into τ+1 non-empty segments, one list per length: compared by histogram only. */
  private readonly shortLists: Int32Array;
  /** Posting lists: entries `listStart[list] … + listLength[list]` of `heads`/`tails`; lengths shrink as ids retire. */
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly listStart: Int32Array;
  private readonly listLength: Int32Array;
  private readonly allowedByLength: Int32Array;
  private readonly powers: Int32Array;
  private readonly longest: number;
  private readonly maxTau: number;
  private readonly stamps: Int32Array;
  private readonly noneRetired: Uint8Array;
  private stamp = 0;
  private readonly queryHistogram = new Int32Array(WORDS);
  private queryHashes = new Int32Array(64);
  private buffer = new Int32Array(1024);
  private count = 0;

  /**
   * @param strings the indexed strings (ids are their positions)
   * @param maxDistance largest allowed edit distance for a pair whose shorter string has this length
   */
  constructor(
    private readonly strings: readonly string[],
    maxDistance: (shorterLength: number) => number,
  ) {
    this.stamps = new Int32Array(strings.length);
    this.noneRetired = new Uint8Array(strings.length);
    let longest = 0;
    for (const s of strings) longest = Math.max(longest, s.length);
    this.longest = longest;
    this.allowedByLength = Int32Array.from({ length: longest + 1 }, (_, l) => maxDistance(l));
    const tauByLength = new Int32Array(longest + 1);
    let prefixMax = 0;
    for (let l = 0; l <= longest; l++) {
      prefixMax = Math.max(prefixMax, this.allowedByLength[l]!);
      tauByLength[l] = prefixMax;
    }
    this.maxTau = prefixMax;
    this.powers = new Int32Array(longest + 1);
    this.powers[0] = 1;
    for (let l = 1; l <= longest; l++) this.powers[l] = Math.imul(this.powers[l - 1]!, HASH_BASE);

    const idsByLength: number[][] = Array.from({ length: longest + 1 }, () => []);
    strings.forEach((s, id) => idsByLength[s.length]!.push(id));
    const histograms = new Int32Array(strings.length * WORDS);
    strings.forEach((s, id) => histogramInto(s, histograms, id * WORDS));

    // First pass: every (list, id) membership, in insertion order; the lists are laid out flat afterwards.
    let memberships = 0;
    for (const s of strings)
      memberships += s.length < tauByLength[s.length]! + 1 ? 1 : tauByLength[s.length]! + 1;
    const members = new Int32Array(2 * memberships);
    let filled = 0;
    const sizes: number[] = [];
    const join = (list: number, id: number) => {
      members[filled++] = list;
      members[filled++] = id;
      sizes[list]! += 1;
    };
    const newList = () => sizes.push(0) - 1;
    this.shortLists = new Int32Array(longest + 1).fill(-1);
    const hashes = new Int32Array(longest + 1);
    for (let length = 0; length <= longest; length++) {
      const ids = idsByLength[length]!;
      if (ids.length === 0) continue;
      const tau = tauByLength[length]!;
      if (length < tau + 1) {
        const list = newList();
        this.shortLists[length] = list;
        for (const id of ids) join(list, id);
        continue;
      }
      const { starts, lengths } = this.chooseCut(length, tau, ids);
      const size = 1 << Math.ceil(Math.log2(ids.length + (ids.length >> 1) + 1));
      const segments = starts.map((start, i) => ({
        start,
        length: lengths[i]!,
        mask: size - 1,
        slots: new Int32Array(2 * size),
      }));
      this.buckets[length] = { tau, segments };
      for (const id of ids) {
        const s = strings[id]!;
        prefixHashesInto(s, hashes);
        for (const table of segments) {
          const hash = this.segmentHash(hashes, table.start, table.length);
          const at = this.slotFor(table, hash);
          if (table.slots[at + 1] === 0) {
            table.slots[at] = hash;
            table.slots[at + 1] = newList() + 1;
          }
          join(table.slots[at + 1]! - 1, id);
        }
      }
    }
    this.listLength = Int32Array.from(sizes);
    this.listStart = new Int32Array(sizes.length);
    for (let list = 1; list < sizes.length; list++)
      this.listStart[list] = this.listStart[list - 1]! + sizes[list - 1]!;
    this.heads = new Int32Array(memberships * HEAD);
    this.tails = new Int32Array(memberships * TAIL);
    const cursor = this.listStart.slice();
    for (let k = 0; k < filled; k += 2) {
      const list = members[k]!;
      const id = members[k + 1]!;
      const at = cursor[list]!;
      this.heads[at * HEAD] = id;
      this.heads[at * HEAD + 1] = histograms[id * WORDS]!;
      this.heads[at * HEAD + 2] = histograms[id * WORDS + 1]!;
      this.tails.set(histograms.subarray(id * WORDS + 2, id * WORDS + WORDS), at * TAIL);
      cursor[list] = at + 1;
    }
  }

  private segmentHash(prefixHashes: Int32Array, start: number, length: number): number {
    return (prefixHashes[start + length]! - Math.imul(prefixHashes[start]!, this.powers[length]!)) | 0;
  }

  /**
   * Where the slot of a segment hash starts in `slots`, or the empty slot where it belongs. Segments are told apart by hash alone:
   * two texts sharing one only merge their posting lists, which adds candidates and never loses one.
   */
  private slotFor(table: SegmentTable, hash: number): number {
    const slots = table.slots;
    let at = 2 * slotOf(hash, table.mask);
    while (slots[at + 1] !== 0 && slots[at] !== hash) at = (at + 2) & (2 * table.mask + 1);
    return at;
  }

  /**
   * Cuts strings of one length into τ+1 contiguous segments. Any cut keeps the pigeonhole and window
   * bounds valid, so the cut is chosen from a sample of the bucket to make segments rare: names share
   * suffixes ("Kabushiki Kaisha", "Corp") and leading words, and an even cut would put whole segments
   * inside them. Cost of a segment = Σ count² of its sampled texts (≈ postings a similar query hits).
   */
  private chooseCut(length: number, tau: number, ids: readonly number[]): Cut {
    const parts = tau + 1;
    const step = Math.max(1, Math.floor(ids.length / PARTITION_SAMPLE));
    const sample: string[] = [];
    for (let k = 0; k < ids.length && sample.length < PARTITION_SAMPLE; k += step)
      sample.push(this.strings[ids[k]!]!);
    const longestSegment = Math.min(length - tau, Math.ceil(length / parts) + PARTITION_STRETCH);
    const segmentCost = (start: number, segmentLength: number): number => {
      const counts = new Map<string, number>();
      for (const s of sample) {
        const text = s.slice(start, start + segmentLength);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      let cost = 0;
      for (const count of counts.values()) cost += count * count;
      return cost;
    };
    // best[k][end]: cheapest cut of [0, end) into k segments; choice[k][end]: the last segment's length.
    const best = Array.from({ length: parts + 1 }, () => new Float64Array(length + 1).fill(Infinity));
    const choice = Array.from({ length: parts + 1 }, () => new Int32Array(length + 1));
    best[0]![0] = 0;
    for (let start = 0; start < length; start++) {
      for (
        let segmentLength = 1;
        segmentLength <= longestSegment && start + segmentLength <= length;
        segmentLength++
      ) {
        const cost = segmentCost(start, segmentLength);
        const end = start + segmentLength;
        for (let k = 1; k <= parts; k++) {
          const total = best[k - 1]![start]! + cost;
          if (total < best[k]![end]!) {
            best[k]![end] = total;
            choice[k]![end] = segmentLength;
          }
        }
      }
    }
    const lengths: number[] = [];
    for (let k = parts, end = length; k > 0; k--) {
      const segmentLength = choice[k]![end]!;
      lengths.unshift(segmentLength);
      end -= segmentLength;
    }
    const starts: number[] = [];
    lengths.reduce((start, segmentLength) => (starts.push(start), start + segmentLength), 0);
    return { starts, lengths };
  }

  /**
   * Every indexed id whose string may lie within the allowed distance of `query` — a superset of the
   * true matches that the caller verifies — each once. Ids flagged in `retired` are dropped from the
   * index for good (the flags must never be cleared). The returned view is reused by the next call.
   */
  candidates(query: string, retired?: Uint8Array): Int32Array {
    const stamp = ++this.stamp;
    const retiredIds = retired ?? this.noneRetired;
    const q = query.length;
    histogramInto(query, this.queryHistogram, 0);
    if (this.queryHashes.length <= q) this.queryHashes = new Int32Array(2 * (q + 1));
    const hashes = this.queryHashes;
    prefixHashesInto(query, hashes);
    this.count = 0;
    for (let l = Math.max(0, q - this.maxTau); l <= Math.min(this.longest, q + this.maxTau); l++) {
      const delta = q - l;
      const allowed = this.allowedByLength[Math.min(l, q)]!;
      if (Math.abs(delta) > allowed) continue;
      const maxL1 = 2 * allowed - Math.abs(delta);
      const shortList = this.shortLists[l]!;
      if (shortList >= 0) this.collect(shortList, maxL1, stamp, retiredIds);
      const bucket = this.buckets[l];
      if (!bucket) continue;
      const tau = bucket.tau;
      for (let i = 0; i <= tau; i++) {
        const table = bucket.segments[i]!;
        const p = table.start;
        // Multi-match-aware window: segment i (0-based) can only shift by ≤ i edits before it and ≤ τ-i after.
        const from = Math.max(0, p - i, p + delta - (tau - i));
        const to = Math.min(q - table.length, p + i, p + delta + (tau - i));
        for (let start = from; start <= to; start++) {
          const hash = this.segmentHash(hashes, start, table.length);
          const list = table.slots[this.slotFor(table, hash) + 1]! - 1;
          if (list >= 0) this.collect(list, maxL1, stamp, retiredIds);
        }
      }
    }
    return this.buffer.subarray(0, this.count);
  }

  /**
   * Appends the unseen entries of one posting list within `maxL1` of the query's histogram (saturation only
   * shrinks the distance, so it stays a lower bound); retired ids never come back, so they are compacted out.
   */
  private collect(list: number, maxL1: number, stamp: number, retired: Uint8Array): void {
    const { heads, tails, stamps } = this;
    const query = this.queryHistogram;
    const q0 = query[0]!;
    const q1 = query[1]!;
    const q2 = query[2]!;
    const q3 = query[3]!;
    const first = this.listStart[list]!;
    const end = first + this.listLength[list]!;
    let kept = first;
    for (let at = first; at < end; at++) {
      const id = heads[at * HEAD]!;
      if (retired[id]) continue;
      if (kept !== at) {
        heads.copyWithin(kept * HEAD, at * HEAD, at * HEAD + HEAD);
        tails.copyWithin(kept * TAIL, at * TAIL, at * TAIL + TAIL);
      }
      kept++;
      // Two words at a time without branching: one word alone rarely decides, a branch that goes either way
      // costs more than the arithmetic, and words 2–3 are read for the few entries that pass 0–1.
      const head = sumOfLanes(wordLanes(heads[at * HEAD + 1]!, q0) + wordLanes(heads[at * HEAD + 2]!, q1));
      if (head > maxL1) continue;
      if (head + sumOfLanes(wordLanes(tails[at * TAIL]!, q2) + wordLanes(tails[at * TAIL + 1]!, q3)) > maxL1)
        continue;
      if (stamps[id] === stamp) continue;
      stamps[id] = stamp;
      if (this.count === this.buffer.length) {
        const grown = new Int32Array(this.buffer.length * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
      this.buffer[this.count++] = id;
    }
    if (kept !== end) this.listLength[list] = kept - first;
  }
}
