/**
 * The article 9(1) indicators of directive (EU) 2023/970 on one population, on two bases: hourly pay
 * (the directive's « pay level », art. 3) and monthly pay (pay per month of presence, which keeps
 * the part-time effect that matters in inclusive structures). Pure.
 *
 * Gap = (men's mean − women's mean) / men's mean × 100 (art. 3: difference of average pay levels
 * expressed as a % of the male average); same shape for medians. Positive: at women's expense.
 */
import type { IndexAgeBand, IndexCsp } from "../index/types.ts";
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

/** Arithmetic mean; NaN for an empty list. */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Median of values already sorted in increasing order. */
function sortedMedian(sorted: ArrayLike<number>): number {
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median: the middle value, or the mean of the two middle values for an even count; NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
  return sortedMedian(Float64Array.from(values).sort());
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

/** Women's and men's values, each sorted in increasing order (typed arrays: numeric sort without a comparator). */
interface SortedPay {
  women: Float64Array;
  men: Float64Array;
}

function sortedSplit(people: readonly TransparencyPerson[], value: (p: TransparencyPerson) => number, keep?: (p: TransparencyPerson) => boolean): SortedPay {
  let w = 0;
  let m = 0;
  for (const p of people) {
    if (keep && !keep(p)) continue;
    if (p.sex === "F") w++;
    else m++;
  }
  const women = new Float64Array(w);
  const men = new Float64Array(m);
  w = 0;
  m = 0;
  for (const p of people) {
    if (keep && !keep(p)) continue;
    if (p.sex === "F") women[w++] = value(p);
    else men[m++] = value(p);
  }
  women.sort();
  men.sort();
  return { women, men };
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
  let women = 0;
  let men = 0;
  let wr = 0;
  let mr = 0;
  for (const p of people) {
    if (p.sex === "F") {
      women++;
      if (receivesVariable(p)) wr++;
    } else {
      men++;
      if (receivesVariable(p)) mr++;
    }
  }
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
  return bandsOfSorted(sortedSplit(people, value));
}

/** payBands on women's and men's pay already sorted: one merge, no comparator sort. */
function bandsOfSorted({ women: w, men: m }: SortedPay): PayBands {
  const W = w.length;
  const M = m.length;
  const n = W + M;
  if (!publishable(W, M)) return { status: "trop_peu", bands: [] };
  const people = new Array<number>(PAY_BANDS).fill(0);
  const womenIn = new Array<number>(PAY_BANDS).fill(0);
  let pos = 0;
  const place = (woman: boolean) => {
    const band = Math.floor((PAY_BANDS * pos) / n);
    people[band]++;
    if (woman) womenIn[band]++;
    pos++;
  };
  let i = 0;
  let j = 0;
  while (i < W || j < M) {
    const v = Math.min(i < W ? w[i] : Infinity, j < M ? m[j] : Infinity);
    let a = 0;
    while (i + a < W && w[i + a] === v) a++;
    let b = 0;
    while (j + b < M && m[j + b] === v) b++;
    // Merge the tie by keys (r + ½)/a for women and (r + ½)/b for men, compared without division.
    let ri = 0;
    let rj = 0;
    while (ri < a || rj < b) {
      const woman = rj >= b || (ri < a && (2 * ri + 1) * b <= (2 * rj + 1) * a);
      place(woman);
      if (woman) ri++;
      else rj++;
    }
    i += a;
    j += b;
  }
  return {
    status: "ok",
    bands: people.map((count, k) => ({
      band: k + 1,
      people: count,
      women: womenIn[k],
      men: count - womenIn[k],
      womenPct: count === 0 ? 0 : (womenIn[k] / count) * 100,
      menPct: count === 0 ? 0 : ((count - womenIn[k]) / count) * 100,
    })),
  };
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
  const total = sortedSplit(people, (p) => payOn(p, "total", basis));
  const variable = hasSplit ? sortedSplit(people, (p) => payOn(p, "variable", basis), receivesVariable) : null;
  const sortedGap = (s: SortedPay, statistic: "mean" | "median") => {
    const f = statistic === "mean" ? mean : sortedMedian;
    return gapOf(s.women.length, s.men.length, () => f(s.women), () => f(s.men));
  };
  return {
    basis,
    meanGap: sortedGap(total, "mean"),
    medianGap: sortedGap(total, "median"),
    variableMeanGap: variable ? sortedGap(variable, "mean") : null,
    variableMedianGap: variable ? sortedGap(variable, "median") : null,
    bands: bandsOfSorted(total),
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

/** Sums of one category, in one pass: [sex][basis][component], sex 0 = women, basis 0 = hourly, component total/base/variable. */
class CategorySums {
  readonly sums = new Float64Array(12);
  women = 0;
  men = 0;
  add(p: TransparencyPerson): void {
    const sex = p.sex === "F" ? 0 : 6;
    if (sex === 0) this.women++;
    else this.men++;
    const perHour = 1 / p.hoursPaid;
    const perMonth = 1 / p.monthsPresent;
    this.sums[sex] += p.totalPay * perHour;
    this.sums[sex + 1] += p.basePay * perHour;
    this.sums[sex + 2] += p.variablePay * perHour;
    this.sums[sex + 3] += p.totalPay * perMonth;
    this.sums[sex + 4] += p.basePay * perMonth;
    this.sums[sex + 5] += p.variablePay * perMonth;
  }
  basis(basis: PayBasis, hasSplit: boolean): CategoryBasisGaps {
    const at = basis === "hourly" ? 0 : 3;
    const gap = (component: number) => gapOf(this.women, this.men, () => this.sums[at + component] / this.women, () => this.sums[6 + at + component] / this.men);
    return { total: gap(0), base: hasSplit ? gap(1) : null, variable: hasSplit ? gap(2) : null };
  }
}

/** Whether a gap reaches the joint assessment threshold (|gap| ≥ 5 %). */
export function reachesJointAssessment(gap: number | null): boolean {
  return gap !== null && Math.abs(gap) >= JOINT_ASSESSMENT_GAP_PCT;
}

/** Indicator (g): the gaps of each category of workers, by basic wage and by variable components, on both bases. */
export function categoryGaps(people: readonly TransparencyPerson[], hasSplit: boolean): CategoryGaps[] {
  const groups = new Map<string, CategorySums>();
  for (const p of people) {
    let g = groups.get(p.category);
    if (!g) groups.set(p.category, (g = new CategorySums()));
    g.add(p);
  }
  return [...groups.entries()].map(([label, sums]) => {
    const hourly = sums.basis("hourly", hasSplit);
    return {
      label,
      women: sums.women,
      men: sums.men,
      publishable: publishable(sums.women, sums.men),
      hourly,
      monthly: sums.basis("monthly", hasSplit),
      reachesThreshold: hourly.total.status === "ok" && reachesJointAssessment(hourly.total.gapPct),
    };
  });
}
