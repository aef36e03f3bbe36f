/**
 * Candidate generation for "edit distance ≤ d" over many strings without comparing all pairs.
 *
 * 1. Pigeonhole (partition-based join): a string s cut into τ+1 disjoint segments keeps at least one
 *    segment intact under ≤ τ edits, and that segment reappears in the other string shifted by ≤ τ.
 *    Each string of length l is cut into τ(l)+1 segments, τ(l) = the largest distance allowed for
 *    any partner whose shorter side is ≤ l, so lookups find every pair within the allowed distance.
 * 2. Character-count bound: one edit changes a character histogram by at most 2 in L1 distance, so
 *    `lev ≥ L1 / 2`. Histograms are stored inside the posting lists (read sequentially, no cache misses).
 */

/** Histogram buckets: a–z, space, anything else; 4-bit saturating counts, 7 per 32-bit word. */
const BUCKETS = 28;
const WORDS = 4;
const ENTRY = 1 + WORDS;
/** Frequent characters first, so the early exit of `packedL1` usually fires after the first word. */
const BUCKET_ORDER = 'eaiorn tslcudmphgbyfwkvxjqz';
const BUCKET_OF = new Uint8Array(128).fill(BUCKETS - 1);
for (let b = 0; b < BUCKET_ORDER.length; b++) BUCKET_OF[BUCKET_ORDER.charCodeAt(b)] = b;

function histogram(s: string): Int32Array {
  const counts = new Uint8Array(BUCKETS);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const bucket = code < 128 ? BUCKET_OF[code]! : BUCKETS - 1;
    if (counts[bucket]! < 15) counts[bucket]!++;
  }
  const packed = new Int32Array(WORDS);
  for (let b = 0; b < BUCKETS; b++) packed[Math.floor(b / 7)]! |= counts[b]! << ((b % 7) * 4);
  return packed;
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

/**
 * L1 distance of two packed histograms, stopping once it exceeds `limit` (saturation only shrinks
 * the distance, so it stays a lower bound).
 */
function packedL1(entry: readonly number[], offset: number, query: Int32Array, limit: number): number {
  let sum = 0;
  for (let w = 0; w < WORDS && sum <= limit; w++) {
    const a = entry[offset + w]!;
    const b = query[w]!;
    if (a === b) continue;
    const lanes =
      laneAbsDiff(a & LANES_LOW, b & LANES_LOW) + laneAbsDiff((a >>> 4) & LANES_LOW, (b >>> 4) & LANES_LOW);
    sum += Math.imul(lanes, 0x01010101) >>> 24;
  }
  return sum;
}

/** Strings per length bucket used to choose its cut, and how much longer than even a segment may grow. */
const PARTITION_SAMPLE = 128;
const PARTITION_STRETCH = 12;

interface LengthBucket {
  tau: number;
  starts: number[];
  lengths: number[];
  /** Per segment: segment text → flat entries [id, histogram words…]. */
  segments: Map<string, number[]>[];
}

export class EditDistanceIndex {
  private readonly buckets = new Map<number, LengthBucket>();
  /** Strings too short to cut into τ+1 non-empty segments: compared by length and histogram only. */
  private readonly shortEntries: number[] = [];
  private readonly stamps: Int32Array;
  private readonly noneRetired: Uint8Array;
  private stamp = 0;
  private readonly maxTau: number;
  private buffer = new Int32Array(1024);
  private count = 0;

  /**
   * @param strings the indexed strings (ids are their positions)
   * @param maxDistance largest allowed edit distance for a pair whose shorter string has this length
   */
  constructor(
    private readonly strings: readonly string[],
    private readonly maxDistance: (shorterLength: number) => number,
  ) {
    this.stamps = new Int32Array(strings.length);
    this.noneRetired = new Uint8Array(strings.length);
    let longest = 0;
    for (const s of strings) longest = Math.max(longest, s.length);
    const tauByLength: number[] = [];
    let prefixMax = 0;
    for (let l = 0; l <= longest; l++) {
      prefixMax = Math.max(prefixMax, maxDistance(l));
      tauByLength.push(prefixMax);
    }
    this.maxTau = prefixMax;
    const idsByLength = new Map<number, number[]>();
    strings.forEach((s, id) => {
      const tau = tauByLength[s.length]!;
      if (s.length < tau + 1) this.shortEntries.push(id, ...histogram(s));
      else if (idsByLength.has(s.length)) idsByLength.get(s.length)!.push(id);
      else idsByLength.set(s.length, [id]);
    });
    for (const [length, ids] of idsByLength) {
      const bucket = this.createBucket(length, tauByLength[length]!, ids);
      this.buckets.set(length, bucket);
      for (const id of ids) {
        const s = strings[id]!;
        const entry = [id, ...histogram(s)];
        for (let i = 0; i < bucket.starts.length; i++) {
          const start = bucket.starts[i]!;
          const segment = s.slice(start, start + bucket.lengths[i]!);
          const postings = bucket.segments[i]!;
          const list = postings.get(segment);
          if (list) list.push(...entry);
          else postings.set(segment, entry.slice());
        }
      }
    }
  }

  /**
   * Cuts strings of one length into τ+1 contiguous segments. Any cut keeps the pigeonhole and window
   * bounds valid, so the cut is chosen from a sample of the bucket to make segments rare: names share
   * suffixes ("Kabushiki Kaisha", "Corp") and leading words, and an even cut would put whole segments
   * inside them. Cost of a segment = Σ count² of its sampled texts (≈ postings a similar query hits).
   */
  private createBucket(length: number, tau: number, ids: readonly number[]): LengthBucket {
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
    return { tau, starts, lengths, segments: starts.map(() => new Map()) };
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
    const queryHistogram = histogram(query);
    this.count = 0;
    for (let k = 0; k < this.shortEntries.length; k += ENTRY) {
      const entry = this.shortEntries.slice(k, k + ENTRY);
      if (retiredIds[entry[0]!]) continue;
      const l = this.strings[entry[0]!]!.length;
      const allowed = this.maxDistance(Math.min(l, q));
      if (Math.abs(l - q) <= allowed) this.collect(entry, 2 * allowed, stamp, retiredIds, queryHistogram);
    }
    for (let l = Math.max(0, q - this.maxTau); l <= q + this.maxTau; l++) {
      const bucket = this.buckets.get(l);
      if (!bucket) continue;
      const delta = q - l;
      const allowed = this.maxDistance(Math.min(l, q));
      if (Math.abs(delta) > allowed) continue;
      const tau = bucket.tau;
      for (let i = 0; i <= tau; i++) {
        const p = bucket.starts[i]!;
        const segmentLength = bucket.lengths[i]!;
        // Multi-match-aware window: segment i (0-based) can only shift by ≤ i edits before it and ≤ τ-i after.
        const from = Math.max(0, p - i, p + delta - (tau - i));
        const to = Math.min(q - segmentLength, p + i, p + delta + (tau - i));
        const postings = bucket.segments[i]!;
        for (let start = from; start <= to; start++) {
          const list = postings.get(query.slice(start, start + segmentLength));
          if (list) this.collect(list, 2 * allowed, stamp, retiredIds, queryHistogram);
        }
      }
    }
    return this.buffer.subarray(0, this.count);
  }

  /** Appends the unseen entries of one posting list within `maxL1`; retired ids never come back, so they are compacted out. */
  private collect(
    entries: number[],
    maxL1: number,
    stamp: number,
    retired: Uint8Array,
    queryHistogram: Int32Array,
  ): void {
    const stamps = this.stamps;
    let kept = 0;
    for (let k = 0; k < entries.length; k += ENTRY) {
      const id = entries[k]!;
      if (retired[id]) continue;
      if (kept !== k) for (let w = 0; w < ENTRY; w++) entries[kept + w] = entries[k + w]!;
      kept += ENTRY;
      // The histogram sits next to the id while its stamp is a random access: reject by histogram first.
      if (packedL1(entries, kept - ENTRY + 1, queryHistogram, maxL1) > maxL1) continue;
      if (stamps[id] === stamp) continue;
      stamps[id] = stamp;
      if (this.count === this.buffer.length) {
        const grown = new Int32Array(this.buffer.length * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
      this.buffer[this.count++] = id;
    }
    // Setting the length is a runtime call even when nothing was compacted out.
    if (kept !== entries.length) entries.length = kept;
  }
}
