interface LengthBucket {
  tau: number;
  starts: number[];
  lengths: number[];
  /** Per segment: segment hash → ids. */
  postings: Map<number, number[]>[];
}

const BASE = 0x01000193;

/** Polynomial prefix hashes (mod 2^32) of `text`, so any substring's hash costs O(1). */
function prefixHashes(text: string, into: Uint32Array): void {
  let h = 0;
  into[0] = 0;
  for (let i = 0; i < text.length; i++) {
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) >>> 0;
    into[i + 1] = h;
  }
}

/**
 * Exact candidate filter for "edit distance ≤ τ" between a large stream of probe strings and a smaller indexed
 * set, tuned for company names, whose shared legal suffixes ("… Systems Inc") make one-segment pigeonhole
 * filters return most of a length bucket. Each indexed string is cut into τ+2 disjoint segments: τ edits touch
 * at most τ of them, so a string within τ edits contains at least two of them intact, each shifted by at most
 * τ. Only ids hit by two distinct segments are returned — a superset of the true matches; callers verify.
 * Segments are compared by 32-bit hashes; a collision can only add a candidate, never lose one.
 */
export class TwoSegmentIndex {
  private readonly buckets = new Map<number, LengthBucket>();
  /** Strings too short for τ+2 non-empty segments: candidates whenever their length is within reach. */
  private readonly shortIds: number[] = [];
  private readonly stamps: Int32Array;
  private readonly lastSegment: Int32Array;
  private readonly hits: Uint8Array;
  private readonly powers: Uint32Array;
  private queryHashes: Uint32Array;
  private stamp = 0;
  private readonly maxTau: number;
  private buffer = new Int32Array(256);

  constructor(
    private readonly strings: readonly string[],
    private readonly maxDistance: (shorterLength: number) => number,
  ) {
    this.stamps = new Int32Array(strings.length);
    this.lastSegment = new Int32Array(strings.length);
    this.hits = new Uint8Array(strings.length);
    let longest = 0;
    for (const s of strings) longest = Math.max(longest, s.length);
    const tauByLength: number[] = [];
    let prefixMax = 0;
    for (let l = 0; l <= longest; l++) {
      prefixMax = Math.max(prefixMax, maxDistance(l));
      tauByLength.push(prefixMax);
    }
    this.maxTau = prefixMax;
    this.powers = new Uint32Array(longest + prefixMax + 2);
    this.powers[0] = 1;
    for (let i = 1; i < this.powers.length; i++) this.powers[i] = Math.imul(this.powers[i - 1]!, BASE) >>> 0;
    this.queryHashes = new Uint32Array(longest + prefixMax + 2);
    const hashes = new Uint32Array(longest + 1);
    strings.forEach((s, id) => {
      const tau = tauByLength[s.length] ?? prefixMax;
      if (s.length < tau + 2) {
        this.shortIds.push(id);
        return;
      }
      const bucket = this.bucketFor(s.length, tau);
      prefixHashes(s, hashes);
      bucket.starts.forEach((start, i) => {
        const hash = this.substringHash(hashes, start, bucket.lengths[i]!);
        const postings = bucket.postings[i]!;
        const list = postings.get(hash);
        if (list) list.push(id);
        else postings.set(hash, [id]);
      });
    });
  }

  private bucketFor(length: number, tau: number): LengthBucket {
    let bucket = this.buckets.get(length);
    if (!bucket) {
      const parts = tau + 2;
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
      bucket = { tau, starts, lengths, postings: starts.map(() => new Map()) };
      this.buckets.set(length, bucket);
    }
    return bucket;
  }

  private substringHash(hashes: Uint32Array, start: number, length: number): number {
    return (hashes[start + length]! - Math.imul(hashes[start]!, this.powers[length]!)) >>> 0;
  }

  private push(count: number, id: number): number {
    if (count === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[count] = id;
    return count + 1;
  }

  /** Ids that may lie within the allowed distance of `query`, each once; the view is reused by the next call. */
  candidates(query: string): Int32Array {
    const stamp = ++this.stamp;
    const q = query.length;
    if (this.queryHashes.length < q + 1) this.queryHashes = new Uint32Array(q + 1);
    prefixHashes(query, this.queryHashes);
    let count = 0;
    for (const id of this.shortIds) {
      const l = this.strings[id]!.length;
      if (Math.abs(l - q) <= this.maxDistance(Math.min(l, q))) count = this.push(count, id);
    }
    for (let l = Math.max(0, q - this.maxTau); l <= q + this.maxTau; l++) {
      const bucket = this.buckets.get(l);
      if (!bucket) continue;
      const delta = q - l;
      if (Math.abs(delta) > this.maxDistance(Math.min(l, q))) continue;
      const tau = bucket.tau;
      // An intact segment moves by the net edits before it (|·| ≤ τ) and leaves a net Δ − shift after it.
      const lowShift = Math.max(-tau, delta - tau);
      const highShift = Math.min(tau, delta + tau);
      for (let i = 0; i < bucket.starts.length; i++) {
        const p = bucket.starts[i]!;
        const segmentLength = bucket.lengths[i]!;
        const postings = bucket.postings[i]!;
        const from = Math.max(0, p + lowShift);
        const to = Math.min(q - segmentLength, p + highShift);
        for (let start = from; start <= to; start++) {
          const list = postings.get(this.substringHash(this.queryHashes, start, segmentLength));
          if (!list) continue;
          for (let k = 0; k < list.length; k++) {
            const id = list[k]!;
            if (this.stamps[id] !== stamp) {
              this.stamps[id] = stamp;
              this.lastSegment[id] = i;
              this.hits[id] = 1;
            } else if (this.hits[id] === 1 && this.lastSegment[id] !== i) {
              this.hits[id] = 2;
              count = this.push(count, id);
            }
          }
        }
      }
    }
    return this.buffer.subarray(0, count);
  }
}
