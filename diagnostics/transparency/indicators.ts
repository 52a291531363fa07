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
export function mean(values: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Median: the middle value, or the mean of the two middle values for an even count; NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** (men − women) / men × 100, or null when men's value is 0. */
export function gapPct(womenValue: number, menValue: number): number | null {
  return menValue === 0 ? null : ((menValue - womenValue) / menValue) * 100;
}

/** Whether a figure over these counts may be shown (at least MIN_PEOPLE_PER_SEX women and men). */
export function publishable(women: number, men: number): boolean {
  return women >= MIN_PEOPLE_PER_SEX && men >= MIN_PEOPLE_PER_SEX;
}

/** The mean or median gap between women's and men's values; suppressed below MIN_PEOPLE_PER_SEX of either sex. */
export function gapFigure(womenValues: readonly number[], menValues: readonly number[], statistic: "mean" | "median"): GapFigure {
  const women = womenValues.length;
  const men = menValues.length;
  if (!publishable(women, men)) return { status: "trop_peu", women, men, womenValue: null, menValue: null, gapPct: null };
  const f = statistic === "mean" ? mean : median;
  const w = f(womenValues);
  const m = f(menValues);
  const gap = gapPct(w, m);
  if (gap === null) return { status: "sans_objet", women, men, womenValue: w, menValue: m, gapPct: null };
  return { status: "ok", women, men, womenValue: w, menValue: m, gapPct: gap };
}

function split(people: readonly TransparencyPerson[], value: (p: TransparencyPerson) => number, keep: (p: TransparencyPerson) => boolean = () => true) {
  const women: number[] = [];
  const men: number[] = [];
  for (const p of people) {
    if (!keep(p)) continue;
    (p.sex === "F" ? women : men).push(value(p));
  }
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
  const n = people.length;
  let women = 0;
  for (const p of people) if (p.sex === "F") women++;
  if (!publishable(women, n - women)) return { status: "trop_peu", bands: [] };
  const pay = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    pay[i] = value(people[i]);
    order[i] = i;
  }
  order.sort((a, b) => pay[a] - pay[b] || a - b);
  // Reorder each block of equal pay by the proportional interleaving key.
  const sexOrdered = new Uint8Array(n); // 1 = woman, in sorted order
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && pay[order[end]] === pay[order[start]]) end++;
    if (end - start === 1) {
      sexOrdered[start] = people[order[start]].sex === "F" ? 1 : 0;
    } else {
      let w = 0;
      for (let k = start; k < end; k++) if (people[order[k]].sex === "F") w++;
      const m = end - start - w;
      const keys: { key: number; woman: number }[] = [];
      for (let r = 0; r < w; r++) keys.push({ key: (r + 0.5) / w, woman: 1 });
      for (let r = 0; r < m; r++) keys.push({ key: (r + 0.5) / m, woman: 0 });
      keys.sort((a, b) => a.key - b.key || b.woman - a.woman);
      for (let k = 0; k < keys.length; k++) sexOrdered[start + k] = keys[k].woman;
    }
    start = end;
  }
  const counts = Array.from({ length: PAY_BANDS }, () => ({ people: 0, women: 0 }));
  for (let i = 0; i < n; i++) {
    const band = Math.floor((PAY_BANDS * i) / n);
    counts[band].people++;
    counts[band].women += sexOrdered[i];
  }
  return {
    status: "ok",
    bands: counts.map((c, i) => ({
      band: i + 1,
      people: c.people,
      women: c.women,
      men: c.people - c.women,
      womenPct: c.people === 0 ? 0 : (c.women / c.people) * 100,
      menPct: c.people === 0 ? 0 : ((c.people - c.women) / c.people) * 100,
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
  const total = split(people, (p) => payOn(p, "total", basis));
  const variable = hasSplit ? split(people, (p) => payOn(p, "variable", basis), receivesVariable) : null;
  return {
    basis,
    meanGap: gapFigure(total.women, total.men, "mean"),
    medianGap: gapFigure(total.women, total.men, "median"),
    variableMeanGap: variable ? gapFigure(variable.women, variable.men, "mean") : null,
    variableMedianGap: variable ? gapFigure(variable.women, variable.men, "median") : null,
    bands: payBands(people, (p) => payOn(p, "total", basis)),
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

function categoryBasis(people: readonly TransparencyPerson[], basis: PayBasis, hasSplit: boolean): CategoryBasisGaps {
  const gap = (component: PayComponent) => {
    const s = split(people, (p) => payOn(p, component, basis));
    return gapFigure(s.women, s.men, "mean");
  };
  return { total: gap("total"), base: hasSplit ? gap("base") : null, variable: hasSplit ? gap("variable") : null };
}

/** Whether a gap reaches the joint assessment threshold (|gap| ≥ 5 %). */
export function reachesJointAssessment(gap: number | null): boolean {
  return gap !== null && Math.abs(gap) >= JOINT_ASSESSMENT_GAP_PCT;
}

/** Indicator (g): the gaps of each category of workers, by basic wage and by variable components, on both bases. */
export function categoryGaps(people: readonly TransparencyPerson[], hasSplit: boolean): CategoryGaps[] {
  const groups = new Map<string, TransparencyPerson[]>();
  for (const p of people) {
    const g = groups.get(p.category);
    if (g) g.push(p);
    else groups.set(p.category, [p]);
  }
  return [...groups.entries()].map(([label, members]) => {
    const women = members.filter((p) => p.sex === "F").length;
    const men = members.length - women;
    const hourly = categoryBasis(members, "hourly", hasSplit);
    return {
      label,
      women,
      men,
      publishable: publishable(women, men),
      hourly,
      monthly: categoryBasis(members, "monthly", hasSplit),
      reachesThreshold: hourly.total.status === "ok" && reachesJointAssessment(hourly.total.gapPct),
    };
  });
}
