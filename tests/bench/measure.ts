/**
 * Timing helpers for the benchmarks: medians of interleaved runs of a subject and its floor after a
 * warm-up, with performance.now, and the resident set size sampled after every run.
 */

/** Keeps the last result alive so that the JIT cannot drop the work that produced it. */
export let sink: unknown = null;

export interface BenchOptions {
  warmup: number;
  runs: number;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  floorMs: number;
  ratio: number;
  /** Highest RSS sampled after a run of the bench, in bytes. */
  peakRss: number;
  /** peakRss minus the RSS before the bench started, in bytes. */
  rssGrowth: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeOnce(fn: () => unknown): Promise<number> {
  const start = performance.now();
  const value = fn();
  const result = value instanceof Promise ? await value : value;
  const elapsed = performance.now() - start;
  sink = result;
  return elapsed;
}

/** Median time of `subject` and of `floor` (alternated run by run, after `warmup` unmeasured runs of each). */
export async function bench(
  name: string,
  subject: () => unknown,
  floor: () => unknown,
  { warmup, runs }: BenchOptions,
): Promise<BenchResult> {
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  for (let i = 0; i < warmup; i++) {
    await timeOnce(floor);
    await timeOnce(subject);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const subjectTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    floorTimes.push(await timeOnce(floor));
    subjectTimes.push(await timeOnce(subject));
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const medianMs = median(subjectTimes);
  const floorMs = median(floorTimes);
  return { name, medianMs, floorMs, ratio: medianMs / floorMs, peakRss, rssGrowth: peakRss - rssBefore };
}

/** Median time of one function alone (for the breakdown of a bench). */
export async function timeMedian(fn: () => unknown, { warmup, runs }: BenchOptions): Promise<number> {
  for (let i = 0; i < warmup; i++) await timeOnce(fn);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(fn));
  return median(times);
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)}MB`;

/** `BENCH <name> <median ms> floor=<ms> ratio=<x>`, then the memory line. */
export function formatBench(r: BenchResult): string {
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return (
    `BENCH ${r.name} ${ms(r.medianMs)} floor=${ms(r.floorMs)} ratio=${r.ratio.toFixed(1)}\n` +
    `  peak RSS ${mb(r.peakRss)} sampled after each run (+${mb(r.rssGrowth)} during the bench), process maxRSS so far ${mb(maxRss)}`
  );
}

export function formatMs(x: number): string {
  return ms(x);
}
