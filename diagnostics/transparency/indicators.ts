/**
 * The article 9(1) indicators of directive (EU) 2023/970 on one population, on two bases: hourly pay
 * (the directive's « pay level », art. 3) and monthly pay (pay per month of presence, which keeps
 * the part-time effect that matters in inclusive structures). Pure.
 *
 * Gap = (men's mean − women's mean) / men's mean × 100 (art. 3: difference of average pay levels
 * expressed as a % of the male average); same shape for medians. Positive: at women's expense.
 *
 * Computed on people held as columns (TransparencyColumns) in a few passes: medians and pay-band
 * boundaries are order statistics (OrderStatistics: the values a sort would give, without sorting);
 * means are sums that do not depend on the order of the values (reproducibleSum). The functions on
 * people lists convert them to columns.
 */
import { INDEX_AGE_BANDS, INDEX_CSPS, type IndexAgeBand, type IndexCsp } from "../index/types.ts";
import { JOINT_ASSESSMENT_GAP_PCT, MIN_PEOPLE_PER_SEX, PAY_BANDS } from "./constants.ts";

export type PaySex = "F" | "H";
export const PAY_BASES = ["hourly", "monthly"] as const;
export type PayBasis = (typeof PAY_BASES)[number];
export type PayComponent = "total" | "base" | "variable";

/** One worker, with pay already split and hours already known. */
export interface TransparencyPerson {
  sex: PaySex;
  /** Annual gross pay actually paid over the months present, euros (base + complementary/variable). */
  totalPay: number;
  /** Ordinary basic wage or salary, euros. */
  basePay: number;
  /** Complementary or variable components (total − base), euros; 0 when none. */
  variablePay: number;
  /** Hours paid over the months present (> 0). */
  hoursPaid: number;
  /** Months present in the period, in ]0, 12]. */
  monthsPresent: number;
  /** Category of workers (same work or work of equal value, art. 4), as displayed. */
  category: string;
  csp: IndexCsp;
  ageBand: IndexAgeBand;
  /** Contractual working time as a share of full time, in ]0, 1]. */
  timeShare: number;
  /** Years of seniority, or null when not given. */
  seniorityYears: number | null;
}

/** A gap figure: « ok » with values, « trop_peu » (fewer than MIN_PEOPLE_PER_SEX of a sex), « sans_objet » (men's value is 0). */
export interface GapFigure {
  status: "ok" | "trop_peu" | "sans_objet";
  women: number;
  men: number;
  /** Women's and men's mean (or median) in euros per hour or per month; null unless status is « ok ». */
  womenValue: number | null;
  menValue: number | null;
  /** (men − women) / men × 100; null unless status is « ok ». */
  gapPct: number | null;
}

/** Pay of a person on a basis: euros per hour paid, or euros per month present. */
export function payOn(person: TransparencyPerson, component: PayComponent, basis: PayBasis): number {
  const amount = component === "total" ? person.totalPay : component === "base" ? person.basePay : person.variablePay;
  return amount / (basis === "hourly" ? person.hoursPaid : person.monthsPresent);
}

/**
 * The people of the indicators as columns, person i being entry i of every array (arrays may be
 * longer than `size`): 100,000 people cost a dozen typed arrays instead of 100,000 objects.
 */
export interface TransparencyColumns {
  /** Number of people. */
  size: number;
  /** 1 for a woman, 0 for a man. */
  female: Uint8Array;
  totalPay: Float64Array;
  basePay: Float64Array;
  variablePay: Float64Array;
  hoursPaid: Float64Array;
  monthsPresent: Float64Array;
  timeShare: Float64Array;
  /** NaN when not given. */
  seniorityYears: Float64Array;
  /** Index in categoryLabels; categories are numbered in order of first appearance. */
  category: Uint32Array;
  categoryLabels: string[];
  /** Index in INDEX_CSPS. */
  csp: Uint8Array;
  /** Index in INDEX_AGE_BANDS. */
  ageBand: Uint8Array;
}

/**
 * Typed arrays for intermediate values, by name, reused from one call to the next by whoever keeps
 * the instance: for 100,000 people, allocating and collecting the ~16 MB of arrays a computation
 * needs costs more than the arithmetic done in them. Contents are stale (write before reading), and
 * nothing returned to a caller may point into them. A fresh instance allocates, as plain arrays do.
 */
export class ScratchArrays {
  private readonly arrays = new Map<string, Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>();
  private take<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(name: string, length: number, make: (length: number) => T): T {
    const known = this.arrays.get(name) as T | undefined;
    if (known !== undefined && known.length >= length) return known.subarray(0, length) as T;
    const made = make(length);
    this.arrays.set(name, made);
    return made;
  }
  float64(name: string, length: number): Float64Array {
    return this.take(name, length, (l) => new Float64Array(l));
  }
  int32(name: string, length: number): Int32Array {
    return this.take(name, length, (l) => new Int32Array(l));
  }
  uint16(name: string, length: number): Uint16Array {
    return this.take(name, length, (l) => new Uint16Array(l));
  }
  uint32(name: string, length: number): Uint32Array {
    return this.take(name, length, (l) => new Uint32Array(l));
  }
  uint8(name: string, length: number): Uint8Array {
    return this.take(name, length, (l) => new Uint8Array(l));
  }
}

/** Columns for up to `capacity` people, none yet (size 0); their arrays come from `scratch` (fresh ones by default). */
export function emptyColumns(capacity: number, scratch = new ScratchArrays()): TransparencyColumns {
  return {
    size: 0,
    female: scratch.uint8("columns.female", capacity),
    totalPay: scratch.float64("columns.totalPay", capacity),
    basePay: scratch.float64("columns.basePay", capacity),
    variablePay: scratch.float64("columns.variablePay", capacity),
    hoursPaid: scratch.float64("columns.hoursPaid", capacity),
    monthsPresent: scratch.float64("columns.monthsPresent", capacity),
    timeShare: scratch.float64("columns.timeShare", capacity),
    seniorityYears: scratch.float64("columns.seniorityYears", capacity),
    category: scratch.uint32("columns.category", capacity),
    categoryLabels: [],
    csp: scratch.uint8("columns.csp", capacity),
    ageBand: scratch.uint8("columns.ageBand", capacity),
  };
}

/** The columns of a list of people. */
export function columnsOfPeople(people: readonly TransparencyPerson[]): TransparencyColumns {
  const c = emptyColumns(people.length);
  const categories = new Map<string, number>();
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    let k = categories.get(p.category);
    if (k === undefined) {
      k = c.categoryLabels.push(p.category) - 1;
      categories.set(p.category, k);
    }
    c.female[i] = p.sex === "F" ? 1 : 0;
    c.totalPay[i] = p.totalPay;
    c.basePay[i] = p.basePay;
    c.variablePay[i] = p.variablePay;
    c.hoursPaid[i] = p.hoursPaid;
    c.monthsPresent[i] = p.monthsPresent;
    c.timeShare[i] = p.timeShare;
    c.seniorityYears[i] = p.seniorityYears ?? Number.NaN;
    c.category[i] = k;
    c.csp[i] = INDEX_CSPS.indexOf(p.csp);
    c.ageBand[i] = INDEX_AGE_BANDS.indexOf(p.ageBand);
  }
  c.size = people.length;
  return c;
}

/** The people of columns, as objects. */
export function peopleOfColumns(c: TransparencyColumns): TransparencyPerson[] {
  const people: TransparencyPerson[] = [];
  for (let i = 0; i < c.size; i++) {
    const seniority = c.seniorityYears[i];
    people.push({
      sex: c.female[i] === 1 ? "F" : "H",
      totalPay: c.totalPay[i],
      basePay: c.basePay[i],
      variablePay: c.variablePay[i],
      hoursPaid: c.hoursPaid[i],
      monthsPresent: c.monthsPresent[i],
      category: c.categoryLabels[c.category[i]],
      csp: INDEX_CSPS[c.csp[i]],
      ageBand: INDEX_AGE_BANDS[c.ageBand[i]],
      timeShare: c.timeShare[i],
      seniorityYears: Number.isNaN(seniority) ? null : seniority,
    });
  }
  return people;
}

/**
 * Sum of values[0..count) that does not depend on their order (so the figures do not depend on the
 * order of the file's rows): every value is split exactly over three fixed grids derived from the
 * largest magnitude (pre-rounding, as in Demmel & Nguyen's reproducible summation), the parts on each
 * grid add up without rounding, and the three exact partial sums are added last. For values of one
 * sign (pay), within an ulp of the exact sum, closer than a plain sum; a non-finite value gives the
 * plain sum.
 */
export function reproducibleSum(values: ArrayLike<number>, count = values.length): number {
  let max = 0;
  let plain = 0;
  for (let i = 0; i < count; i++) {
    const x = values[i];
    plain += x;
    const a = Math.abs(x);
    if (a > max) max = a;
  }
  if (max === 0 || !Number.isFinite(plain)) return plain;
  // max ≤ 2^e; count ≤ 2^log2Count; each grid keeps 52 − log2Count − 1 bits of the level above.
  let e = Math.ceil(Math.log2(max));
  if (2 ** e < max) e++;
  const log2Count = count <= 1 ? 0 : 32 - Math.clz32(count - 1);
  const k1 = e + log2Count + 1;
  if (k1 > 1020) return plain;
  const k2 = Math.max(k1 - 52 + log2Count, -1021);
  const k3 = Math.max(k2 - 52 + log2Count, -1021);
  // (σ + x) − σ rounds x to a multiple of ulp(σ) exactly when |x| ≤ 2^(k−1), σ = 1.5 × 2^k; x minus it is exact too.
  const s1 = 1.5 * 2 ** k1;
  const s2 = 1.5 * 2 ** k2;
  const s3 = 1.5 * 2 ** k3;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  for (let i = 0; i < count; i++) {
    let x = values[i];
    let q = s1 + x - s1;
    sum1 += q;
    x -= q;
    q = s2 + x - s2;
    sum2 += q;
    x -= q;
    sum3 += s3 + x - s3;
  }
  return sum1 + (sum2 + sum3);
}

/** Arithmetic mean (reproducibleSum ÷ count); NaN for an empty list. */
export function mean(values: ArrayLike<number>): number {
  return reproducibleSum(values) / values.length;
}

/** Ranges of at most this many values are sorted rather than partitioned. */
const SELECT_SORT_BELOW = 16;

/**
 * Puts in a[k] the value a sort of a[lo..hi] would put there, with nothing greater before it and
 * nothing smaller after it (quickselect: Hoare partition around a median of three). A range still
 * unresolved after 2 log₂ n partitions is sorted, so the worst case stays n log n.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  let budget = 2 * (32 - Math.clz32(hi - lo + 1));
  while (hi - lo >= SELECT_SORT_BELOW && budget-- > 0) {
    const x = a[lo];
    const y = a[lo + ((hi - lo) >> 1)];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i−1] = pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  if (hi > lo) a.subarray(lo, hi + 1).sort();
}

/** About this many values per bucket of OrderStatistics when they are spread evenly. */
const VALUES_PER_BUCKET = 4;
const MAX_BUCKETS = 1 << 16;

/**
 * Order statistics of one or more groups of values (women's and men's pay), without sorting: each
 * value goes to a bucket ⌊(x − min) × scale⌋, which never decreases when x grows (each rounded step is
 * monotonic), the buckets are counted per group, and the value of a rank is selected among the few
 * values of the bucket that holds it. Exact: the values are those a sort would put at these ranks.
 */
export class OrderStatistics {
  private readonly min: number;
  private readonly scale: number;
  private readonly buckets: number;
  /** before[g][b]: values of group g in the buckets before b (b from 0 to buckets). */
  private readonly before: Int32Array[];
  /** bucket[g][i]: the bucket of value i of group g. */
  private readonly bucket: Uint16Array[];

  constructor(
    private readonly groups: readonly Float64Array[],
    scratch = new ScratchArrays(),
    name = "order",
  ) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let total = 0;
    for (const values of groups) {
      total += values.length;
      for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
    this.buckets = Math.max(1, Math.min(MAX_BUCKETS, Math.ceil(total / VALUES_PER_BUCKET)));
    this.min = min;
    const scale = this.buckets / (max - min);
    this.scale = max > min && Number.isFinite(scale) ? scale : 0;
    this.bucket = groups.map((values, g) => scratch.uint16(`${name}.bucket.${g}`, values.length));
    this.before = groups.map((values, g) => {
      const before = scratch.int32(`${name}.before.${g}`, this.buckets + 1).fill(0);
      const bucket = this.bucket[g];
      for (let i = 0; i < values.length; i++) {
        const b = this.bucketOf(values[i]);
        bucket[i] = b;
        before[b + 1]++;
      }
      for (let b = 1; b <= this.buckets; b++) before[b] += before[b - 1];
      return before;
    });
  }

  private bucketOf(x: number): number {
    const b = Math.floor((x - this.min) * this.scale);
    return b < this.buckets ? b : this.buckets - 1;
  }

  /** Values of the given groups in the buckets before b. */
  private countBefore(b: number, groups: readonly number[]): number {
    let count = 0;
    for (const g of groups) count += this.before[g][b];
    return count;
  }

  /** The values of group g in bucket b. */
  private inBucket(g: number, b: number): Float64Array {
    const values = this.groups[g];
    const bucket = this.bucket[g];
    const found = new Float64Array(this.before[g][b + 1] - this.before[g][b]);
    let k = 0;
    for (let i = 0; i < bucket.length; i++) if (bucket[i] === b) found[k++] = values[i];
    return found;
  }

  /**
   * The value of rank k (from 0) among the given groups together, and for each of them how many of
   * its values are below that value and equal to it.
   */
  rank(k: number, groups: readonly number[] = this.groups.map((_, g) => g)): { value: number; below: number[]; equal: number[] } {
    // The last bucket with at most k values before it holds rank k.
    let lo = 0;
    let hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.countBefore(mid, groups) <= k) lo = mid;
      else hi = mid - 1;
    }
    const parts = groups.map((g) => this.inBucket(g, lo));
    const bucket = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      bucket.set(part, at);
      at += part.length;
    }
    const r = k - this.countBefore(lo, groups);
    selectInPlace(bucket, 0, bucket.length - 1, r);
    const value = bucket[r];
    const below = groups.map((g, j) => this.before[g][lo] + parts[j].filter((x) => x < value).length);
    const equal = parts.map((part) => part.filter((x) => x === value).length);
    return { value, below, equal };
  }

  /** Median of group g: the middle value, or the mean of the two middle values; NaN when the group is empty. */
  median(g: number): number {
    const count = this.groups[g].length;
    if (count === 0) return Number.NaN;
    const mid = count >> 1;
    const upper = this.rank(mid, [g]);
    if (count % 2 === 1) return upper.value;
    // Rank mid − 1 is the upper middle itself when it has equals below rank mid, else the largest value below it.
    const lower = upper.below[0] < mid ? upper.value : this.rank(mid - 1, [g]).value;
    return (lower + upper.value) / 2;
  }
}

/** Median: the middle value, or the mean of the two middle values for an even count; NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
  return new OrderStatistics([Float64Array.from(values)]).median(0);
}

/** (men − women) / men × 100, or null when men's value is 0. */
export function gapPct(womenValue: number, menValue: number): number | null {
  return menValue === 0 ? null : ((menValue - womenValue) / menValue) * 100;
}

/** Whether a figure over these counts may be shown (at least MIN_PEOPLE_PER_SEX women and men). */
export function publishable(women: number, men: number): boolean {
  return women >= MIN_PEOPLE_PER_SEX && men >= MIN_PEOPLE_PER_SEX;
}

/** The gap figure of two values computed over `women` and `men` people; suppressed below MIN_PEOPLE_PER_SEX of either sex. */
function gapOf(women: number, men: number, womenValue: () => number, menValue: () => number): GapFigure {
  if (!publishable(women, men)) return { status: "trop_peu", women, men, womenValue: null, menValue: null, gapPct: null };
  const w = womenValue();
  const m = menValue();
  const gap = gapPct(w, m);
  if (gap === null) return { status: "sans_objet", women, men, womenValue: w, menValue: m, gapPct: null };
  return { status: "ok", women, men, womenValue: w, menValue: m, gapPct: gap };
}

/** The mean or median gap between women's and men's values; suppressed below MIN_PEOPLE_PER_SEX of either sex. */
export function gapFigure(womenValues: ArrayLike<number>, menValues: ArrayLike<number>, statistic: "mean" | "median"): GapFigure {
  const f = statistic === "mean" ? mean : median;
  return gapOf(womenValues.length, menValues.length, () => f(womenValues), () => f(menValues));
}

/** Women's and men's values, in no particular order. */
interface PayBySex {
  women: Float64Array;
  men: Float64Array;
}

/** The mean and median gaps of values split by sex; `order`: their order statistics, women as group 0, men as group 1. */
function meanAndMedianGaps({ women, men }: PayBySex, order: OrderStatistics): { mean: GapFigure; median: GapFigure } {
  return {
    mean: gapOf(women.length, men.length, () => mean(women), () => mean(men)),
    median: gapOf(women.length, men.length, () => order.median(0), () => order.median(1)),
  };
}

/** Whether a person receives complementary or variable components. */
export function receivesVariable(p: TransparencyPerson): boolean {
  return p.variablePay > 0;
}

export interface VariableShares {
  status: "ok" | "trop_peu";
  women: number;
  men: number;
  womenReceiving: number | null;
  menReceiving: number | null;
  /** % of women (men) receiving complementary or variable components (art. 9(1)(e)); null when suppressed. */
  womenPct: number | null;
  menPct: number | null;
}

/** Indicator (e): the share of women and of men receiving complementary or variable components. */
export function variableShares(people: readonly TransparencyPerson[]): VariableShares {
  return variableSharesFromColumns(columnsOfPeople(people));
}

/** variableShares on people held as columns. */
export function variableSharesFromColumns(c: TransparencyColumns): VariableShares {
  const { female, variablePay } = c;
  let women = 0;
  let receiving = 0;
  let wr = 0;
  for (let i = 0; i < c.size; i++) {
    const receives = variablePay[i] > 0 ? 1 : 0;
    women += female[i];
    receiving += receives;
    wr += receives & female[i];
  }
  const men = c.size - women;
  const mr = receiving - wr;
  if (!publishable(women, men)) return { status: "trop_peu", women, men, womenReceiving: null, menReceiving: null, womenPct: null, menPct: null };
  return { status: "ok", women, men, womenReceiving: wr, menReceiving: mr, womenPct: (wr / women) * 100, menPct: (mr / men) * 100 };
}

export interface PayBand {
  /** 1 = lowest-paid quarter … 4 = highest-paid quarter. */
  band: number;
  people: number;
  women: number;
  men: number;
  /** Share of women (men) of the band, in %. */
  womenPct: number;
  menPct: number;
}

export interface PayBands {
  status: "ok" | "trop_peu";
  /** Empty when suppressed. */
  bands: PayBand[];
}

/**
 * Indicator (f): people sorted by pay, cut into PAY_BANDS bands of equal size — the person at sorted
 * position i (from 0) of n is in band ⌊4i / n⌋ + 1, so band sizes differ by at most one.
 *
 * Ties: people with exactly the same pay are ordered so that women and men alternate in proportion
 * to their numbers in the tie (each gets the key (rank within its sex + ½) / its sex's count in the
 * tie; equal keys put women first). A boundary that falls inside a tie thus splits the tie's women
 * and men as evenly as possible, and the result never depends on the file's row order. Suppressed
 * (trop_peu) below MIN_PEOPLE_PER_SEX women or men in the whole population.
 */
export function payBands(people: readonly TransparencyPerson[], value: (p: TransparencyPerson) => number): PayBands {
  let w = 0;
  for (const p of people) if (p.sex === "F") w++;
  const women = new Float64Array(w);
  const men = new Float64Array(people.length - w);
  w = 0;
  let m = 0;
  for (const p of people) {
    if (p.sex === "F") women[w++] = value(p);
    else men[m++] = value(p);
  }
  return bandsOf({ women, men }, new OrderStatistics([women, men]));
}

/** Of a tie of `a` women and `b` men, the women among its first `t` people in the tie order of payBands. */
function womenFirstInTie(a: number, b: number, t: number): number {
  let ri = 0;
  let rj = 0;
  for (let step = 0; step < t; step++) {
    // Keys (ri + ½)/a for women and (rj + ½)/b for men, compared without division.
    if (rj >= b || (ri < a && (2 * ri + 1) * b <= (2 * rj + 1) * a)) ri++;
    else rj++;
  }
  return ri;
}

/**
 * payBands on women's and men's values in any order, without sorting: band b starts at sorted
 * position ⌈b·n / PAY_BANDS⌉; the values at the inner starts are order statistics of everyone's pay,
 * and the women before a start are those paid less than its value plus, from the tie at that value,
 * the women the tie order puts before it.
 */
function bandsOf({ women, men }: PayBySex, order: OrderStatistics): PayBands {
  const W = women.length;
  const M = men.length;
  const n = W + M;
  if (!publishable(W, M)) return { status: "trop_peu", bands: [] };
  const starts = Array.from({ length: PAY_BANDS + 1 }, (_, b) => Math.ceil((b * n) / PAY_BANDS));
  const womenBefore = (s: number) => {
    if (s <= 0) return 0;
    if (s >= n) return W;
    const { below, equal } = order.rank(s);
    return below[0] + womenFirstInTie(equal[0], equal[1], s - below[0] - below[1]);
  };
  const womenBeforeStart = starts.map(womenBefore);
  const bands: PayBand[] = [];
  for (let k = 0; k < PAY_BANDS; k++) {
    const count = starts[k + 1] - starts[k];
    const womenIn = womenBeforeStart[k + 1] - womenBeforeStart[k];
    bands.push({
      band: k + 1,
      people: count,
      women: womenIn,
      men: count - womenIn,
      womenPct: count === 0 ? 0 : (womenIn / count) * 100,
      menPct: count === 0 ? 0 : ((count - womenIn) / count) * 100,
    });
  }
  return { status: "ok", bands };
}

export interface BasisIndicators {
  basis: PayBasis;
  /** (a) mean gap of total pay. */
  meanGap: GapFigure;
  /** (c) median gap of total pay. */
  medianGap: GapFigure;
  /** (b) mean gap of complementary or variable components, among the people who receive them; null when pay is not split. */
  variableMeanGap: GapFigure | null;
  /** (d) median gap of the same. */
  variableMedianGap: GapFigure | null;
  /** (f) pay bands of total pay. */
  bands: PayBands;
}

/** Indicators (a)–(d) and (f) on one basis. `hasSplit`: whether base and variable components are known. */
export function basisIndicators(people: readonly TransparencyPerson[], basis: PayBasis, hasSplit: boolean): BasisIndicators {
  return basisIndicatorsFromColumns(columnsOfPeople(people), basis, hasSplit);
}

/** basisIndicators on people held as columns; `scratch` for the intermediate arrays. */
export function basisIndicatorsFromColumns(c: TransparencyColumns, basis: PayBasis, hasSplit: boolean, scratch = new ScratchArrays()): BasisIndicators {
  const n = c.size;
  const per = basis === "hourly" ? c.hoursPaid : c.monthsPresent;
  const { female, totalPay, variablePay } = c;
  // One pass: women's values from the front of each array, men's from the back.
  const total = scratch.float64("basis.total", n);
  const variable = scratch.float64("basis.variable", hasSplit ? n : 0);
  let w = 0;
  let m = n;
  let vw = 0;
  let vm = hasSplit ? n : 0;
  for (let i = 0; i < n; i++) {
    const woman = female[i] === 1;
    total[woman ? w++ : --m] = totalPay[i] / per[i];
    if (hasSplit && variablePay[i] > 0) variable[woman ? vw++ : --vm] = variablePay[i] / per[i];
  }
  const totalBySex = { women: total.subarray(0, w), men: total.subarray(w) };
  const totalOrder = new OrderStatistics([totalBySex.women, totalBySex.men], scratch, "basis.total");
  const totalGaps = meanAndMedianGaps(totalBySex, totalOrder);
  const variableBySex = { women: variable.subarray(0, vw), men: variable.subarray(vm) };
  const variableGaps = hasSplit
    ? meanAndMedianGaps(variableBySex, new OrderStatistics([variableBySex.women, variableBySex.men], scratch, "basis.variable"))
    : null;
  return {
    basis,
    meanGap: totalGaps.mean,
    medianGap: totalGaps.median,
    variableMeanGap: variableGaps ? variableGaps.mean : null,
    variableMedianGap: variableGaps ? variableGaps.median : null,
    bands: bandsOf(totalBySex, totalOrder),
  };
}

export interface CategoryBasisGaps {
  /** Mean gap of total pay: the figure of art. 10. */
  total: GapFigure;
  /** Mean gap of the ordinary basic wage. */
  base: GapFigure | null;
  /** Mean gap of complementary or variable components, over everyone in the category (0 for those without). */
  variable: GapFigure | null;
}

export interface CategoryGaps {
  label: string;
  women: number;
  men: number;
  /** At least MIN_PEOPLE_PER_SEX women and men: figures may be shown. */
  publishable: boolean;
  hourly: CategoryBasisGaps;
  monthly: CategoryBasisGaps;
  /**
   * Joint pay assessment trigger (art. 10(1)(a)): publishable and the hourly mean gap of total pay
   * is JOINT_ASSESSMENT_GAP_PCT or more, in either direction.
   */
  reachesThreshold: boolean;
}

/** Sums of the categories, [category][sex][basis][component]: sex 0 = women, basis 0 = hourly, component total/base/variable. */
const CATEGORY_SUMS = 12;

/** The gaps of one category on one basis, from its sums at `at` (see CATEGORY_SUMS). */
function categoryBasisGaps(sums: Float64Array, at: number, women: number, men: number, basis: PayBasis, hasSplit: boolean): CategoryBasisGaps {
  const from = at + (basis === "hourly" ? 0 : 3);
  const gap = (component: number) => gapOf(women, men, () => sums[from + component] / women, () => sums[from + 6 + component] / men);
  return { total: gap(0), base: hasSplit ? gap(1) : null, variable: hasSplit ? gap(2) : null };
}

/** Whether a gap reaches the joint assessment threshold (|gap| ≥ 5 %). */
export function reachesJointAssessment(gap: number | null): boolean {
  return gap !== null && Math.abs(gap) >= JOINT_ASSESSMENT_GAP_PCT;
}

/** Indicator (g): the gaps of each category of workers, by basic wage and by variable components, on both bases. */
export function categoryGaps(people: readonly TransparencyPerson[], hasSplit: boolean): CategoryGaps[] {
  return categoryGapsFromColumns(columnsOfPeople(people), hasSplit);
}

/** categoryGaps on people held as columns: one pass, categories in order of first appearance. */
export function categoryGapsFromColumns(c: TransparencyColumns, hasSplit: boolean): CategoryGaps[] {
  const categories = c.categoryLabels.length;
  const sums = new Float64Array(CATEGORY_SUMS * categories);
  const women = new Int32Array(categories);
  const men = new Int32Array(categories);
  for (let i = 0; i < c.size; i++) {
    const k = c.category[i];
    const woman = c.female[i] === 1;
    if (woman) women[k]++;
    else men[k]++;
    const at = CATEGORY_SUMS * k + (woman ? 0 : 6);
    const perHour = 1 / c.hoursPaid[i];
    const perMonth = 1 / c.monthsPresent[i];
    sums[at] += c.totalPay[i] * perHour;
    sums[at + 1] += c.basePay[i] * perHour;
    sums[at + 2] += c.variablePay[i] * perHour;
    sums[at + 3] += c.totalPay[i] * perMonth;
    sums[at + 4] += c.basePay[i] * perMonth;
    sums[at + 5] += c.variablePay[i] * perMonth;
  }
  return c.categoryLabels.map((label, k) => {
    const hourly = categoryBasisGaps(sums, CATEGORY_SUMS * k, women[k], men[k], "hourly", hasSplit);
    return {
      label,
      women: women[k],
      men: men[k],
      publishable: publishable(women[k], men[k]),
      hourly,
      monthly: categoryBasisGaps(sums, CATEGORY_SUMS * k, women[k], men[k], "monthly", hasSplit),
      reachesThreshold: hourly.total.status === "ok" && reachesJointAssessment(hourly.total.gapPct),
    };
  });
}
