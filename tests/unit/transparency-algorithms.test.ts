/**
 * The fast algorithms of the pay-transparency engine against plain reference computations on seeded
 * random data full of ties: selection against sorting (any order statistic, medians), the pay bands
 * against their documented order (sort by pay, ties by (rank + ½) / count, women first on equal
 * keys), reproducible sums against exact sums, the one-pass category lookup against categoryOf row by
 * row, and the regression reduced per cell against the same regression on the n rows (fitOls).
 * Seed: FUZZ_SEED or a fixed default, in the test names.
 */
import { describe, expect, it } from "vitest";
import { INDEX_AGE_BANDS, INDEX_CSPS } from "../../diagnostics/index/types.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import {
  CONFIDENCE_LEVEL,
  CategoryLabels,
  PAY_BANDS,
  REGRESSION_MIN_DF,
  REGRESSION_MIN_PER_SEX,
  SEX_FACTORS_MAX_R2,
  adjustedGap,
  basisIndicators,
  categoryOf,
  columnsOfPeople,
  computeTransparency,
  confidenceInterval,
  fitOls,
  fitOlsReduced,
  median,
  payBands,
  payOn,
  peopleOfColumns,
  reproducibleSum,
  selectInPlace,
  transparencyPeople,
  triangularize,
  type AdjustedGap,
  type PayBands,
  type TransparencyPerson,
} from "../../diagnostics/transparency/index.ts";
import { LONGLEY } from "../fixtures/longley.ts";
import { staffRow, transparencyPerson } from "../helpers/staff-row.ts";
import { FUZZ_SEED, prng } from "../helpers/fuzz.ts";

const SEED = FUZZ_SEED;

/** Random values with many ties: drawn from `distinct` levels (or continuous when distinct is 0). */
function values(rand: () => number, count: number, distinct: number): number[] {
  return Array.from({ length: count }, () => (distinct > 0 ? 10 + Math.floor(rand() * distinct) * 0.25 : 10 + rand() * 20));
}

/** Data shapes: sizes from tiny to large, ties from everywhere to nowhere. */
const SHAPES = [
  { count: 1, distinct: 0 },
  { count: 2, distinct: 1 },
  { count: 7, distinct: 2 },
  { count: 17, distinct: 3 },
  { count: 64, distinct: 1 },
  { count: 100, distinct: 5 },
  { count: 333, distinct: 40 },
  { count: 1000, distinct: 0 },
  { count: 5000, distinct: 7 },
];

describe(`selection agrees with sorting (seed ${SEED})`, () => {
  it.each(SHAPES)("$count values, $distinct levels: every order statistic, partitioned around it", ({ count, distinct }) => {
    const rand = prng(SEED + count);
    const data = Float64Array.from(values(rand, count, distinct));
    const sorted = Float64Array.from(data).sort();
    const positions = count <= 100 ? [...sorted.keys()] : [0, 1, count >> 2, count >> 1, count - 2, count - 1];
    for (const k of positions) {
      const a = Float64Array.from(data);
      selectInPlace(a, 0, count - 1, k);
      expect(a[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
      for (let i = k + 1; i < count; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
      expect(Float64Array.from(a).sort()).toEqual(sorted);
    }
  });

  it.each(SHAPES)("$count values, $distinct levels: median = middle of the sorted values", ({ count, distinct }) => {
    const data = values(prng(SEED + 7 * count), count, distinct);
    const sorted = Float64Array.from(data).sort();
    const mid = count >> 1;
    expect(median(data)).toBe(count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
  });

  it("stays correct on adversarial orders (sorted, reversed, organ pipe, all equal)", () => {
    const n = 4001;
    const orders = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      new Float64Array(n).fill(3),
    ];
    for (const data of orders) {
      const sorted = Float64Array.from(data).sort();
      for (const k of [0, 1000, 2000, 4000]) {
        const a = Float64Array.from(data);
        selectInPlace(a, 0, n - 1, k);
        expect(a[k]).toBe(sorted[k]);
      }
    }
  });
});

const person = transparencyPerson;

/** Pay bands by their definition: everyone sorted by pay, ties by (rank in sex + ½) / sex's count in the tie, women first on equal keys. */
function referenceBands(women: readonly number[], men: readonly number[]): PayBands {
  if (women.length < 3 || men.length < 3) return { status: "trop_peu", bands: [] };
  const keyed: { pay: number; woman: boolean; key: number }[] = [];
  for (const [list, woman] of [
    [women, true],
    [men, false],
  ] as const) {
    const sorted = [...list].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      for (let r = 0; r < j - i; r++) keyed.push({ pay: sorted[i], woman, key: (r + 0.5) / (j - i) });
      i = j;
    }
  }
  keyed.sort((a, b) => a.pay - b.pay || a.key - b.key || Number(b.woman) - Number(a.woman));
  const n = keyed.length;
  const people = new Array<number>(PAY_BANDS).fill(0);
  const womenIn = new Array<number>(PAY_BANDS).fill(0);
  keyed.forEach((p, i) => {
    const band = Math.floor((PAY_BANDS * i) / n);
    people[band]++;
    if (p.woman) womenIn[band]++;
  });
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

describe(`pay bands by selection agree with the sorted definition, boundary ties included (seed ${SEED})`, () => {
  const cases = [
    ...[6, 7, 8, 9, 10, 11, 13, 16, 25, 40, 99, 400, 3001].flatMap((n) => [1, 2, 3, 6, 0].map((distinct) => ({ n, distinct }))),
  ];
  it.each(cases)("$n people, $distinct levels", ({ n, distinct }) => {
    const rand = prng(SEED + 31 * n + distinct);
    for (let trial = 0; trial < 5; trial++) {
      const share = [0.5, 0.1, 0.9, 0.3, 0.7][trial];
      const pays = values(rand, n, distinct);
      const sexes = pays.map((_, i) => (i < 3 ? "F" : i < 6 ? "H" : rand() < share ? "F" : "H"));
      const people = pays.map((pay, i) => person(sexes[i] as "F" | "H", pay));
      const expected = referenceBands(
        pays.filter((_, i) => sexes[i] === "F"),
        pays.filter((_, i) => sexes[i] === "H"),
      );
      expect(payBands(people, (p) => p.totalPay)).toEqual(expected);
      expect(payBands([...people].reverse(), (p) => p.totalPay)).toEqual(expected);
    }
  });
});

/** The exact sum of doubles (BigInt on a 2^-1074 grid), rounded to the nearest double, ties to even. */
function exactSum(xs: readonly number[]): number {
  const view = new DataView(new ArrayBuffer(8));
  let total = 0n;
  for (const x of xs) {
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const exponent = (hi >>> 20) & 0x7ff;
    const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
    const scaled = mantissa << BigInt(Math.max(exponent, 1) - 1);
    total += hi >>> 31 ? -scaled : scaled;
  }
  const negative = total < 0n;
  let magnitude = negative ? -total : total;
  let shift = 0;
  const bits = magnitude.toString(2).length;
  if (bits > 53) {
    shift = bits - 53;
    const kept = magnitude >> BigInt(shift);
    const rest = magnitude - (kept << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    magnitude = rest > half || (rest === half && (kept & 1n) === 1n) ? kept + 1n : kept;
  }
  const value = Number(magnitude) * 2 ** (shift - 537) * 2 ** -537;
  return negative ? -value : value;
}

/** Distance between two doubles in units in the last place of the larger. */
function ulps(a: number, b: number): number {
  const ulp = (x: number) => 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);
  return a === b ? 0 : Math.abs(a - b) / ulp(Math.max(Math.abs(a), Math.abs(b)));
}

describe(`reproducible sums (seed ${SEED})`, () => {
  const shuffle = (xs: number[], rand: () => number) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const kinds = [
    { label: "hourly pay (÷ hours)", make: (r: () => number) => (15_000 + r() * 40_000) / (151.67 * (1 + Math.floor(r() * 12))) },
    { label: "monthly pay with cents", make: (r: () => number) => Math.round(r() * 500_000) / 100 / (1 + Math.floor(r() * 12)) },
    { label: "magnitudes from 1e-6 to 1e6", make: (r: () => number) => 10 ** (12 * r() - 6) },
    { label: "mixed signs", make: (r: () => number) => (r() - 0.3) * 1000 },
  ];
  it.each(kinds.flatMap((kind) => [1, 2, 10, 1000, 100_000].map((count) => ({ ...kind, count }))))("$label, $count values: within one ulp of the exact sum, the same in any order", ({ make, count }) => {
    const rand = prng(SEED + count);
    const xs = Array.from({ length: count }, () => make(rand));
    const sum = reproducibleSum(xs);
    expect(ulps(sum, exactSum(xs))).toBeLessThanOrEqual(1);
    for (let k = 0; k < 3; k++) expect(Object.is(reproducibleSum(shuffle(xs, rand)), sum)).toBe(true);
    expect(Object.is(reproducibleSum(Float64Array.from(xs).sort()), sum)).toBe(true);
  });

  it("is exact on whole numbers and cents, and 0 or the plain sum at the edges", () => {
    expect(reproducibleSum([10, 12, 14])).toBe(36);
    expect(reproducibleSum([0.1, 0.2, 0.3])).toBe(exactSum([0.1, 0.2, 0.3]));
    expect(reproducibleSum([])).toBe(0);
    expect(reproducibleSum([0, 0])).toBe(0);
    expect(reproducibleSum([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
    expect(reproducibleSum([1e-300, 3e-300])).toBe(exactSum([1e-300, 3e-300]));
  });
});

describe(`basis indicators against sorted reference figures (seed ${SEED})`, () => {
  it.each([
    { count: 12, distinct: 2 },
    { count: 101, distinct: 4 },
    { count: 2000, distinct: 0 },
    { count: 2000, distinct: 9 },
  ])("$count people, $distinct pay levels", ({ count, distinct }) => {
    const rand = prng(SEED + 3 * count + distinct);
    const pays = values(rand, count, distinct);
    const people = pays.map((pay, i) =>
      person(i % 2 === 0 || rand() < 0.3 ? "F" : "H", pay * 100, {
        variablePay: rand() < 0.4 ? Math.floor(rand() * (distinct || 50)) * 10 : 0,
        hoursPaid: [100, 120, 151.67][Math.floor(rand() * 3)],
        monthsPresent: [6, 12][Math.floor(rand() * 2)],
      }),
    );
    for (const basis of ["hourly", "monthly"] as const) {
      const r = basisIndicators(people, basis, true);
      const on = (component: "total" | "variable", sex: "F" | "H") =>
        people.filter((p) => p.sex === sex && (component === "total" || p.variablePay > 0)).map((p) => payOn(p, component, basis));
      const sortedMedian = (xs: number[]) => {
        const s = Float64Array.from(xs).sort();
        const mid = s.length >> 1;
        return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
      };
      const sortedMean = (xs: number[]) => Float64Array.from(xs).sort().reduce((x, v) => x + v, 0) / xs.length;
      const exactMean = (xs: number[]) => exactSum(xs) / xs.length;
      for (const [mean, middle, component] of [
        [r.meanGap, r.medianGap, "total"],
        [r.variableMeanGap, r.variableMedianGap, "variable"],
      ] as const) {
        for (const [sex, value, middleValue] of [
          ["F", mean?.womenValue, middle?.womenValue],
          ["H", mean?.menValue, middle?.menValue],
        ] as const) {
          const xs = on(component, sex);
          if (mean?.status === "trop_peu") {
            expect([value, middleValue]).toEqual([null, null]);
            continue;
          }
          // Medians exactly as sorting gives them; means within 2 ulps of the exact mean, never further than the sorted plain sum.
          expect(middleValue).toBe(sortedMedian(xs));
          expect(ulps(value ?? 0, exactMean(xs))).toBeLessThanOrEqual(Math.min(2, Math.max(1, ulps(sortedMean(xs), exactMean(xs)))));
        }
      }
      expect(r.bands).toEqual(referenceBands(on("total", "F"), on("total", "H")));
    }
  });
});

describe(`staff rows to columns (seed ${SEED})`, () => {
  it("gives every person the category categoryOf gives the row, labels merged as CategoryLabels merges them", () => {
    const rand = prng(SEED);
    const written = [null, "", "  ", "Agents de tri", "agents de  tri", "AGENTS DE TRI", "Encadrement", "Employés", "employes", " Ouvriers "];
    const rows: StaffRow[] = Array.from({ length: 500 }, () =>
      staffRow(rand() < 0.5 ? "F" : "H", "Poste", {
        population: rand() < 0.2 ? "parcours" : "permanent",
        csp: INDEX_CSPS[Math.floor(rand() * 4)],
        ageBand: INDEX_AGE_BANDS[Math.floor(rand() * 4)],
        payCategory: written[Math.floor(rand() * written.length)],
      }),
    );
    for (const structureType of ["ACI", "ESAT"] as const) {
      const kept = rows.filter((r) => structureType !== "ESAT" || r.population !== "parcours");
      const labels = new CategoryLabels();
      const expected = kept.map((r) => labels.label(categoryOf(r.payCategory, r.csp).label));
      const { people } = transparencyPeople(rows, { structureType });
      expect(people.map((p) => p.category)).toEqual(expected);
      expect(peopleOfColumns(columnsOfPeople(people))).toEqual(people);
      expect(computeTransparency(rows, { structureType }).categories.map((c) => c.label).sort()).toEqual([...new Set(expected)].sort());
    }
  });
});

/** adjustedGap as a regression on the n rows (fitOls), the straightforward form of what adjustedGap computes. */
function referenceAdjusted(people: readonly TransparencyPerson[]): AdjustedGap {
  const kept = people.filter((p) => p.totalPay > 0);
  const n = kept.length;
  const women = kept.filter((p) => p.sex === "F").length;
  const men = n - women;
  if (women < REGRESSION_MIN_PER_SEX || men < REGRESSION_MIN_PER_SEX) return { status: "insuffisant", n, women, men, reason: "effectif" };
  const y = kept.map((p) => Math.log(payOn(p, "total", "hourly")));
  const columns: number[][] = [kept.map(() => 1)];
  const names = ["constante"];
  const dummies = (id: string, levels: readonly string[], value: (p: TransparencyPerson) => string) => {
    for (const level of levels.filter((l) => kept.some((p) => value(p) === l)).slice(1)) {
      columns.push(kept.map((p) => (value(p) === level ? 1 : 0)));
      names.push(`${id}:${level}`);
    }
  };
  dummies("csp", INDEX_CSPS, (p) => p.csp);
  dummies("age", INDEX_AGE_BANDS, (p) => p.ageBand);
  if (kept.every((p) => p.seniorityYears !== null)) {
    columns.push(kept.map((p) => p.seniorityYears ?? 0));
    names.push("anciennete");
  }
  columns.push(kept.map((p) => p.timeShare));
  names.push("temps");
  columns.push(kept.map((p) => (p.sex === "F" ? 1 : 0)));
  names.push("femme");
  const fit = fitOls(columns, names, y);
  const sexAt = fit.names.indexOf("femme");
  if (sexAt < 0) return { status: "insuffisant", n, women, men, reason: "confondu" };
  if (fit.df < REGRESSION_MIN_DF) return { status: "insuffisant", n, women, men, reason: "degres_de_liberte" };
  if (1 - fit.partialResidualSS[sexAt] / ((women * men) / n) >= SEX_FACTORS_MAX_R2) return { status: "insuffisant", n, women, men, reason: "confondu" };
  const b = fit.coefficients[sexAt];
  const se = fit.standardErrors[sexAt];
  const ci = confidenceInterval(b, se, fit.df, CONFIDENCE_LEVEL);
  const pct = (x: number) => (1 - Math.exp(x)) * 100;
  const meanLog = (sex: "F" | "H") => y.filter((_, i) => kept[i].sex === sex).reduce((a, v) => a + v, 0);
  const rawGapPct = pct(meanLog("F") / women - meanLog("H") / men);
  return {
    status: "estime",
    n,
    women,
    men,
    df: fit.df,
    factors: [],
    rawGapPct,
    gapPct: pct(b),
    lowPct: pct(ci.high),
    highPct: pct(ci.low),
    explainedPts: rawGapPct - pct(b),
    coefficient: b,
    standardError: se,
    t: ci.t,
    reading: "incertain",
  };
}

describe(`the regression reduced per cell equals the regression on the n rows (seed ${SEED})`, () => {
  /** Populations: the factors used, how sex relates to them, how many people. */
  const POPULATIONS = [
    { label: "all factors, 2000 people", count: 2000, csps: 4, ages: 4, seniority: true, times: [0.5, 0.8, 1], confound: 0 },
    { label: "no seniority column", count: 500, csps: 4, ages: 4, seniority: false, times: [0.6, 1], confound: 0 },
    { label: "one CSP, one age band", count: 300, csps: 1, ages: 1, seniority: true, times: [0.5, 0.7, 1], confound: 0 },
    { label: "everyone full-time (time collinear with the constant)", count: 300, csps: 3, ages: 2, seniority: true, times: [1], confound: 0 },
    { label: "women mostly part-time", count: 400, csps: 2, ages: 3, seniority: false, times: [0.5, 1], confound: 0.9 },
    { label: "sex determined by the CSP", count: 200, csps: 2, ages: 2, seniority: true, times: [0.8, 1], confound: 1 },
    { label: "22 people, many factors (few degrees of freedom)", count: 22, csps: 4, ages: 4, seniority: true, times: [0.8, 1], confound: 0 },
    { label: "9 women (too few)", count: 30, csps: 2, ages: 2, seniority: true, times: [1], confound: -1 },
  ];
  it.each(POPULATIONS)("$label", ({ count, csps, ages, seniority, times, confound }) => {
    const rand = prng(SEED + count + csps * 10 + ages);
    const people = Array.from({ length: count }, (_, i) => {
      const csp = INDEX_CSPS[Math.floor(rand() * csps)];
      const sex: "F" | "H" =
        confound === 1 ? (csp === INDEX_CSPS[0] ? "F" : "H") : confound === -1 ? (i < 9 ? "F" : "H") : i % 2 === 0 ? "F" : "H";
      const timeShare = confound > 0 && rand() < confound ? (sex === "F" ? times[0] : times[times.length - 1]) : times[Math.floor(rand() * times.length)];
      const hoursPaid = 151.67 * timeShare * 12;
      const hourly = 12 * Math.exp(0.15 * INDEX_CSPS.indexOf(csp) + (sex === "F" ? -0.04 : 0) + 0.1 * (rand() - 0.5));
      return person(sex, rand() < 0.02 ? 0 : hourly * hoursPaid, {
        csp,
        ageBand: INDEX_AGE_BANDS[Math.floor(rand() * ages)],
        seniorityYears: seniority ? Math.floor(rand() * 21) : rand() < 0.5 ? 3 : null,
        timeShare,
        hoursPaid,
      });
    });
    const fast = adjustedGap(people);
    const reference = referenceAdjusted(people);
    expect(fast.status).toBe(reference.status);
    if (fast.status === "insuffisant" || reference.status === "insuffisant") {
      expect(fast).toEqual(reference);
      return;
    }
    expect([fast.n, fast.women, fast.men, fast.df]).toEqual([reference.n, reference.women, reference.men, reference.df]);
    expect(fast.rawGapPct).toBe(reference.rawGapPct);
    for (const key of ["coefficient", "standardError", "gapPct", "lowPct", "highPct", "t"] as const) {
      expect(Math.abs(fast[key] - reference[key])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(reference[key])));
    }
  });

  // NIST StRD « Longley »: the 16 observations reduced to their 8 × 8 triangular factor, then fitted.
  it("fitOlsReduced on Longley's triangular factor reproduces NIST's certified values to 10 significant digits", () => {
    const { y, x, beta, se } = LONGLEY;
    const r = triangularize([y.map(() => 1), ...x, y].map((c) => Float64Array.from(c)));
    const fit = fitOlsReduced(r.slice(0, 7), ["b0", "b1", "b2", "b3", "b4", "b5", "b6"], r[7], y.length);
    expect(fit.dropped).toEqual([]);
    expect(fit.df).toBe(9);
    beta.forEach((b, i) => expect(Math.abs(fit.coefficients[i] / b - 1)).toBeLessThan(1e-10));
    se.forEach((s, i) => expect(Math.abs(fit.standardErrors[i] / s - 1)).toBeLessThan(1e-10));
    expect(Math.abs(fit.sigma / LONGLEY.sigma - 1)).toBeLessThan(1e-10);
  });
});
