/** The seed of the fuzz tests: FUZZ_SEED to replay a failure, else a fixed default. Test names carry it. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123) >>> 0;

export { seededRandom as prng } from "../../db/seeded-random.ts";
