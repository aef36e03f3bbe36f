import { ORGANIZATION_SUFFIXES } from '@patentrack/business-rules';

const LEGAL_FORMS = new Set<string>(ORGANIZATION_SUFFIXES);

/**
 * Blocking key of a party name: lower-cased, punctuation dropped, trailing organization suffixes (BR-017) dropped
 * — "Acme, Inc.", "ACME INC" and "Acme Corp" share the core "acme". A name made only of suffixes keeps them all.
 */
export function nameCore(nameKey: string): string {
  const tokens = nameKey
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .split(/\s+/u)
    .filter(Boolean);
  let end = tokens.length;
  while (end > 1 && LEGAL_FORMS.has(tokens[end - 1]!)) end -= 1;
  return tokens.slice(0, end).join(' ');
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
let prefixStates = new Int32Array(256);
// 30-bit keys stay small integers, which Maps hash and store without boxing.
const KEY_MASK = 0x3fffffff;

/**
 * FNV-1a hashes of the core and of every core with one character deleted (two cores within one edit
 * share one of these), computed from prefix states without building the variant strings. A collision only
 * adds a candidate, which the caller's distance check rejects.
 */
function neighbourhood(core: string, visit: (key: number) => void): void {
  const n = core.length;
  if (prefixStates.length < n + 1) prefixStates = new Int32Array(n * 2 + 1);
  let h = FNV_OFFSET | 0;
  prefixStates[0] = h;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ core.charCodeAt(i), FNV_PRIME);
    prefixStates[i + 1] = h;
  }
  visit(h & KEY_MASK);
  for (let i = 0; i < n; i++) {
    // Deleting either of two equal neighbours gives the same variant.
    if (i > 0 && core.charCodeAt(i) === core.charCodeAt(i - 1)) continue;
    let variant = prefixStates[i]!;
    for (let j = i + 1; j < n; j++) variant = Math.imul(variant ^ core.charCodeAt(j), FNV_PRIME);
    visit(variant & KEY_MASK);
  }
}

/**
 * Candidate blocking for matching a stream of representative names against the pending names of a grouping
 * run: a pending name is offered when its core is equal to, or one edit away from, the probe's core
 * (symmetric-deletion neighbourhood). That covers the variants that dominate party names — punctuation,
 * legal-form changes, a typo — at a constant cost per probe whatever the table sizes; pairs whose cores differ
 * by two or more edits are not offered. Callers apply the BR-018 distance rule to every candidate.
 */
export class CoreNeighbourhoodIndex {
  // Most neighbourhood keys belong to one name: those stay a plain number, shared keys get a list.
  private readonly single = new Map<number, number>();
  private readonly shared = new Map<number, number[]>();
  private readonly stamps: Int32Array;
  private stamp = 0;
  private buffer = new Int32Array(64);

  constructor(nameKeys: readonly string[]) {
    this.stamps = new Int32Array(nameKeys.length);
    nameKeys.forEach((key, id) => {
      neighbourhood(nameCore(key), (bucket) => {
        const list = this.shared.get(bucket);
        if (list) {
          if (list[list.length - 1] !== id) list.push(id);
          return;
        }
        const other = this.single.get(bucket);
        if (other === undefined) this.single.set(bucket, id);
        else if (other !== id) {
          this.single.delete(bucket);
          this.shared.set(bucket, [other, id]);
        }
      });
    });
  }

  /** Pending ids whose core is within one edit of the probe's core, each once; the view is reused. */
  candidates(nameKey: string): Int32Array {
    const stamp = ++this.stamp;
    let count = 0;
    const offer = (id: number) => {
      if (this.stamps[id] === stamp) return;
      this.stamps[id] = stamp;
      if (count === this.buffer.length) {
        const grown = new Int32Array(count * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
      this.buffer[count++] = id;
    };
    neighbourhood(nameCore(nameKey), (bucket) => {
      const id = this.single.get(bucket);
      if (id !== undefined) offer(id);
      else for (const shared of this.shared.get(bucket) ?? []) offer(shared);
    });
    return this.buffer.subarray(0, count);
  }
}
