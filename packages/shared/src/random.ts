/**
 * A small deterministic PRNG (mulberry32): the same seed gives the same sequence in [0, 1), so generated test
 * data, samples and benchmark inputs are identical on every run and a failure replays.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
