/** The seed of the fuzz tests: FUZZ_SEED to replay a failure, else a fixed default. Test names carry it. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123) >>> 0;

/** mulberry32: a small seeded PRNG giving numbers in [0, 1), so that every failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
