/**
 * Candidate generation for "edit distance ≤ d" over many strings without comparing all pairs.
 * Pigeonhole (partition-based join): a string s cut into τ+1 disjoint segments keeps at least one
 * segment intact under ≤ τ edits, and that segment reappears in the other string shifted by ≤ τ.
 * Each string of length l is cut into τ(l)+1 segments, τ(l) = the largest distance allowed for any
 * partner whose shorter side is ≤ l, so lookups find every pair within the allowed distance.
 */
interface LengthBucket {
  tau: number;
  starts: number[];
  lengths: number[];
  segments: Map<string, number[]>[];
}

export class EditDistanceIndex {
  private readonly buckets = new Map<number, LengthBucket>();
  /** Strings too short to cut into τ+1 non-empty segments; always candidates. */
  private readonly shortIds: number[] = [];
  private readonly stamps: Int32Array;
  private stamp = 0;
  private readonly maxTau: number;

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
      const tau = tauByLength[s.length] ?? prefixMax;
      if (s.length < tau + 1) {
        this.shortIds.push(id);
        return;
      }
      const bucket = this.bucketFor(s.length, tau);
      for (let i = 0; i <= tau; i++) {
        const start = bucket.starts[i] ?? 0;
        const segment = s.slice(start, start + (bucket.lengths[i] ?? 0));
        const postings = bucket.segments[i]!;
        const list = postings.get(segment);
        if (list) list.push(id);
        else postings.set(segment, [id]);
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
   * Calls `visit` once for every indexed id whose string may lie within the allowed distance of `query`
   * (a superset of the true matches; the caller verifies).
   */
  forEachCandidate(query: string, visit: (id: number) => void): void {
    const stamp = ++this.stamp;
    const stamps = this.stamps;
    const q = query.length;
    const offer = (id: number): void => {
      if (stamps[id] !== stamp) {
        stamps[id] = stamp;
        visit(id);
      }
    };
    for (const id of this.shortIds) {
      const l = this.strings[id]!.length;
      if (Math.abs(l - q) <= this.maxDistance(Math.min(l, q))) offer(id);
    }
    for (let l = Math.max(0, q - this.maxTau); l <= q + this.maxTau; l++) {
      const bucket = this.buckets.get(l);
      if (!bucket) continue;
      const delta = q - l;
      if (Math.abs(delta) > this.maxDistance(Math.min(l, q))) continue;
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
          if (list) for (const id of list) offer(id);
        }
      }
    }
  }
}
