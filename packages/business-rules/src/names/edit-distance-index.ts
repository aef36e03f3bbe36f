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
  private stamp = 0;
  private readonly maxTau: number;
  private buffer = new Int32Array(1024);

  /**
   * @param strings the indexed strings (ids are their positions)
   * @param maxDistance largest allowed edit distance for a pair whose shorter string has this length
   */
  constructor(
    private readonly strings: readonly string[],
    private readonly maxDistance: (shorterLength: number) => number,
  ) {
    this.stamps = new Int32Array(strings.length);
    let longest = 0;
    for (const s of strings) longest = Math.max(longest, s.length);
    const tauByLength: number[] = [];
    let prefixMax = 0;
    for (let l = 0; l <= longest; l++) {
      prefixMax = Math.max(prefixMax, maxDistance(l));
      tauByLength.push(prefixMax);
    }
    this.maxTau = prefixMax;
    strings.forEach((s, id) => {
      const entry = [id, ...histogram(s)];
      const tau = tauByLength[s.length] ?? prefixMax;
      if (s.length < tau + 1) {
        this.shortEntries.push(...entry);
        return;
      }
      const bucket = this.bucketFor(s.length, tau);
      for (let i = 0; i <= tau; i++) {
        const start = bucket.starts[i]!;
        const segment = s.slice(start, start + bucket.lengths[i]!);
        const postings = bucket.segments[i]!;
        const list = postings.get(segment);
        if (list) list.push(...entry);
        else postings.set(segment, [...entry]);
      }
    });
  }

  private bucketFor(length: number, tau: number): LengthBucket {
    let bucket = this.buckets.get(length);
    if (!bucket) {
      const parts = tau + 1;
      const shortLength = Math.floor(length / parts);
      const longCount = length % parts;
      const starts: number[] = [];
      const lengths: number[] = [];
      let start = 0;
      for (let i = 0; i < parts; i++) {
        const segmentLength = i < parts - longCount ? shortLength : shortLength + 1;
        starts.push(start);
        lengths.push(segmentLength);
        start += segmentLength;
      }
      bucket = { tau, starts, lengths, segments: starts.map(() => new Map()) };
      this.buckets.set(length, bucket);
    }
    return bucket;
  }

  /**
   * Every indexed id whose string may lie within the allowed distance of `query` — a superset of the
   * true matches that the caller verifies — each once. Ids flagged in `retired` are dropped from the
   * index for good (the flags must never be cleared). The returned view is reused by the next call.
   */
  candidates(query: string, retired?: Uint8Array): Int32Array {
    const stamp = ++this.stamp;
    const stamps = this.stamps;
    const q = query.length;
    const queryHistogram = histogram(query);
    let count = 0;
    // Retired ids never come back, so they are compacted out of each list as it is read.
    const offer = (entries: number[], maxL1: number): void => {
      let kept = 0;
      for (let k = 0; k < entries.length; k += ENTRY) {
        const id = entries[k]!;
        if (retired?.[id]) continue;
        if (kept !== k) for (let w = 0; w < ENTRY; w++) entries[kept + w] = entries[k + w]!;
        kept += ENTRY;
        if (stamps[id] === stamp) continue;
        stamps[id] = stamp;
        if (packedL1(entries, kept - ENTRY + 1, queryHistogram, maxL1) > maxL1) continue;
        if (count === this.buffer.length) {
          const grown = new Int32Array(this.buffer.length * 2);
          grown.set(this.buffer);
          this.buffer = grown;
        }
        this.buffer[count++] = id;
      }
      entries.length = kept;
    };
    for (let k = 0; k < this.shortEntries.length; k += ENTRY) {
      const entry = this.shortEntries.slice(k, k + ENTRY);
      if (retired?.[entry[0]!]) continue;
      const l = this.strings[entry[0]!]!.length;
      const allowed = this.maxDistance(Math.min(l, q));
      if (Math.abs(l - q) <= allowed) offer(entry, 2 * allowed);
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
          if (list) offer(list, 2 * allowed);
        }
      }
    }
    return this.buffer.subarray(0, count);
  }
}
