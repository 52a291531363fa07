import { describe, expect, it } from "vitest";
import {
  REGRESSION_MIN_DF,
  REGRESSION_MIN_PER_SEX,
  SEX_FACTORS_MAX_R2,
  UNEXPLAINED_GAP_TOLERANCE_PCT,
  adjustedGap,
  adjustedReading,
  confidenceInterval,
  fitOls,
  incompleteBeta,
  studentTCdf,
  studentTQuantile,
  type TransparencyPerson,
} from "../../diagnostics/transparency/index.ts";
import { LONGLEY } from "../fixtures/longley.ts";
import { transparencyPerson } from "../helpers/staff-row.ts";

describe("Student's t quantiles (two-sided 95 %), against published tables", () => {
  // t(0.975; df), 9 significant digits as printed in statistical tables.
  it.each([
    { df: 1, t: 12.7062047 },
    { df: 2, t: 4.30265273 },
    { df: 3, t: 3.18244631 },
    { df: 5, t: 2.57058184 },
    { df: 10, t: 2.22813885 },
    { df: 15, t: 2.13144955 },
    { df: 30, t: 2.04227246 },
    { df: 120, t: 1.97993041 },
  ])("df = $df → $t", ({ df, t }) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 6);
    expect(studentTQuantile(0.025, df)).toBeCloseTo(-t, 6);
    expect(studentTCdf(t, df)).toBeCloseTo(0.975, 8);
  });

  it("tends to the normal quantile 1.959964 for a very large df", () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it("gives the Cauchy distribution at df = 1 (closed form)", () => {
    for (const p of [0.6, 0.9, 0.99]) expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
  });

  it("incomplete beta: I_x(1, 1) = x and I_x(a, b) = 1 − I_(1−x)(b, a)", () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.2, 2.5, 4) + incompleteBeta(0.8, 4, 2.5)).toBeCloseTo(1, 13);
  });

  it("refuses impossible arguments", () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe("OLS by Householder QR", () => {
  it("simple regression: coefficients and standard errors equal the closed-form values (exact fractions)", () => {
    // x = 1..5, y = 2 4 5 4 5: x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6 → b = 3/5, a = 11/5;
    // residuals −4/5, 3/5, 1, −3/5, −1/5 → RSS = 12/5, s² = 4/5; se(b)² = s²/Sxx = 2/25; se(a)² = s²(1/5 + 9/10) = 22/25.
    const x = [1, 2, 3, 4, 5];
    const fit = fitOls([x.map(() => 1), x], ["a", "b"], [2, 4, 5, 4, 5]);
    expect(fit.coefficients[0]).toBeCloseTo(11 / 5, 13);
    expect(fit.coefficients[1]).toBeCloseTo(3 / 5, 13);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(22 / 25), 13);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(2 / 25), 13);
    expect(fit.df).toBe(3);
    expect(fit.residuals.map((e) => Math.round(e * 1e12) / 1e12)).toEqual([-0.8, 0.6, 1, -0.6, -0.2]);
    expect(fit.rSquared).toBeCloseTo(1 - 2.4 / 6, 13);
  });

  it("95 % interval of the slope: b ± t(0.975; 3) × se", () => {
    const ci = confidenceInterval(0.6, Math.sqrt(0.08), 3, 0.95);
    expect(ci.t).toBeCloseTo(3.18244631, 7);
    expect(ci.low).toBeCloseTo(0.6 - 3.18244631 * Math.sqrt(0.08), 7);
    expect(ci.high).toBeCloseTo(0.6 + 3.18244631 * Math.sqrt(0.08), 7);
  });

  it("leaves out a column that is a combination of earlier ones and says so", () => {
    const x = [1, 2, 3, 4, 5];
    const fit = fitOls([x.map(() => 1), x, x.map((v) => 2 * v + 1)], ["a", "b", "c"], [2, 4, 5, 4, 5]);
    expect(fit.names).toEqual(["a", "b"]);
    expect(fit.dropped).toEqual(["c"]);
    expect(fit.coefficients[1]).toBeCloseTo(0.6, 12);
  });

  it("reproduces NIST's certified Longley coefficients, standard errors, residual SD and R² to 10 significant digits", () => {
    const fit = fitOls([LONGLEY.y.map(() => 1), ...LONGLEY.x], ["b0", "b1", "b2", "b3", "b4", "b5", "b6"], LONGLEY.y);
    expect(fit.dropped).toEqual([]);
    expect(fit.df).toBe(9);
    LONGLEY.beta.forEach((b, i) => expect(Math.abs(fit.coefficients[i] / b - 1)).toBeLessThan(1e-10));
    LONGLEY.se.forEach((s, i) => expect(Math.abs(fit.standardErrors[i] / s - 1)).toBeLessThan(1e-10));
    expect(Math.abs(fit.sigma / LONGLEY.sigma - 1)).toBeLessThan(1e-10);
    expect(Math.abs(fit.rSquared / LONGLEY.r2 - 1)).toBeLessThan(1e-10);
  });
});

/** A person whose hourly pay is exp(logPay) (one hour paid). */
function worker(sex: "F" | "H", logPay: number, extra: Partial<TransparencyPerson> = {}): TransparencyPerson {
  return transparencyPerson(sex, Math.exp(logPay), { monthsPresent: 12, ...extra });
}

/**
 * Balanced 2 × 2 design (sex × CSP), `perCell` people per cell, log pay = 3 + 0.2·[employés] + s·[femme] ± d,
 * half the cell at +d and half at −d. The additive model fits the cell means exactly, so b = s; residuals are
 * ±d, df = n − 3, s² = n d² / df, and var(b) = s² (1/(2·perCell) + 1/(2·perCell)) (difference of two means).
 */
function balanced(s: number, d: number, perCell: number) {
  const people: TransparencyPerson[] = [];
  for (const sex of ["F", "H"] as const)
    for (const csp of ["ouvriers", "employes"] as const)
      for (let k = 0; k < perCell; k++)
        people.push(worker(sex, 3 + (csp === "employes" ? 0.2 : 0) + (sex === "F" ? s : 0) + (k % 2 === 0 ? d : -d), { csp }));
  const n = 4 * perCell;
  const df = n - 3;
  const se = Math.sqrt(((n * d * d) / df) * (2 / (2 * perCell)));
  return { people, df, se };
}

describe("unexplained gap (sex coefficient of log hourly pay)", () => {
  it("recovers a known sex coefficient, its standard error and its 95 % interval", () => {
    const s = Math.log(0.9); // women paid 10 % less at equal CSP
    const { people, df, se } = balanced(s, 0.01, 6);
    const a = adjustedGap(people);
    if (a.status !== "estime") throw new Error(a.status);
    expect(a.df).toBe(df);
    expect(a.coefficient).toBeCloseTo(s, 12);
    expect(a.standardError).toBeCloseTo(se, 12);
    expect(a.gapPct).toBeCloseTo(10, 10);
    const t = studentTQuantile(0.975, df);
    expect(a.lowPct).toBeCloseTo((1 - Math.exp(s + t * se)) * 100, 10);
    expect(a.highPct).toBeCloseTo((1 - Math.exp(s - t * se)) * 100, 10);
    expect(a.reading).toBe("au_dela_femmes");
    // Time share is 1 for everyone: collinear with the constant, not a factor; age band too.
    expect(a.factors.map((f) => f.id)).toEqual(["csp"]);
    // Equal numbers in each CSP: the CSP explains nothing, raw gap = unexplained gap.
    expect(a.rawGapPct).toBeCloseTo(10, 10);
    expect(a.explainedPts).toBeCloseTo(0, 10);
  });

  it("separates the explained part when women are more often in the lower-paid CSP", () => {
    const people: TransparencyPerson[] = [];
    // 12 women: 9 ouvrières, 3 employées; 12 men: 3 ouvriers, 9 employés; log pay = 3 + 0.3·[employés] ± 0.01, no sex effect.
    const add = (sex: "F" | "H", csp: "ouvriers" | "employes", count: number) => {
      for (let k = 0; k < count; k++) people.push(worker(sex, 3 + (csp === "employes" ? 0.3 : 0) + (k % 2 === 0 ? 0.01 : -0.01), { csp }));
    };
    add("F", "ouvriers", 9);
    add("F", "employes", 3);
    add("H", "ouvriers", 3);
    add("H", "employes", 9);
    const a = adjustedGap(people);
    if (a.status !== "estime") throw new Error(a.status);
    expect(a.rawGapPct).toBeGreaterThan(10);
    expect(Math.abs(a.gapPct)).toBeLessThan(1);
    expect(a.explainedPts).toBeCloseTo(a.rawGapPct - a.gapPct, 12);
    expect(a.reading).toBe("sous_le_seuil");
  });

  it("cannot tell when the interval crosses the tolerance", () => {
    const a = adjustedGap(balanced(Math.log(0.96), 0.3, 6).people);
    expect(a.status === "estime" && a.reading).toBe("incertain");
  });

  it.each([
    { label: "one woman short of the minimum", women: REGRESSION_MIN_PER_SEX - 1, status: "insuffisant" },
    { label: "the minimum of each sex", women: REGRESSION_MIN_PER_SEX, status: "estime" },
  ])("$label → $status", ({ women, status }) => {
    const people = [
      ...Array.from({ length: women }, (_, k) => worker("F", 2.5 + 0.01 * k, { timeShare: k % 2 ? 1 : 0.8 })),
      ...Array.from({ length: 12 }, (_, k) => worker("H", 2.6 + 0.01 * k, { timeShare: k % 2 ? 1 : 0.8 })),
    ];
    const a = adjustedGap(people);
    expect(a.status).toBe(status);
    if (a.status === "insuffisant") expect(a.reason).toBe("effectif");
  });

  it(`refuses below ${REGRESSION_MIN_DF} residual degrees of freedom`, () => {
    // 10 + 10 people, constant + 3 CSP + 3 age dummies + seniority + time share + sex = 10 coefficients → df = 10.
    const csps = ["ouvriers", "employes", "techniciens_agents_maitrise", "ingenieurs_cadres"] as const;
    const ages = ["<30", "30-39", "40-49", "50+"] as const;
    const people = Array.from({ length: 20 }, (_, k) =>
      worker(k < 10 ? "F" : "H", 2.5 + 0.037 * ((k * 7) % 11), {
        csp: csps[k % 4],
        ageBand: ages[(k + Math.floor(k / 4)) % 4],
        seniorityYears: (k * 3) % 7,
        timeShare: k % 3 === 0 ? 0.8 : 1,
      }),
    );
    const a = adjustedGap(people);
    expect(a.status === "insuffisant" && a.reason).toBe("degres_de_liberte");
  });

  it("refuses when sex is entirely determined by the CSP", () => {
    const people = [
      ...Array.from({ length: 12 }, (_, k) => worker("F", 2.5 + 0.01 * k, { csp: "employes" })),
      ...Array.from({ length: 12 }, (_, k) => worker("H", 2.6 + 0.01 * k, { csp: "ouvriers" })),
    ];
    const a = adjustedGap(people);
    expect(a.status === "insuffisant" && a.reason).toBe("confondu");
  });

  it("leaves out people with no pay (no logarithm)", () => {
    const { people } = balanced(Math.log(0.9), 0.01, 6);
    const a = adjustedGap([...people, { ...people[0], totalPay: 0 }]);
    expect(a.n).toBe(24);
  });

  const T = UNEXPLAINED_GAP_TOLERANCE_PCT;
  it.each([
    { low: T - 0.1, high: T + 3, reading: "incertain" },
    { low: T, high: T + 3, reading: "au_dela_femmes" },
    { low: T + 0.1, high: T + 3, reading: "au_dela_femmes" },
    { low: -T + 0.1, high: T - 0.1, reading: "sous_le_seuil" },
    { low: -T, high: T - 0.1, reading: "incertain" },
    { low: -T - 3, high: -T, reading: "au_dela_hommes" },
    { low: -T - 3, high: -T + 0.1, reading: "incertain" },
  ])("interval [$low, $high] → $reading", ({ low, high, reading }) => {
    expect(adjustedReading(low, high)).toBe(reading);
  });
});

describe("near-confounding of sex with the factors", () => {
  it(`refuses when the factors predict sex with R² ≥ ${SEX_FACTORS_MAX_R2} (here: women always at a lower time share within each CSP)`, () => {
    const people: TransparencyPerson[] = [];
    for (let k = 0; k < 9; k++) {
      people.push(worker("F", 2.3 + 0.01 * (k % 3), { csp: "ouvriers", timeShare: 0.74 }));
      people.push(worker("H", 2.35 + 0.01 * (k % 3), { csp: "ouvriers", timeShare: 0.8 }));
    }
    for (let k = 0; k < 3; k++) {
      people.push(worker("F", 2.4 + 0.01 * k, { csp: "employes", timeShare: 0.9 }));
      people.push(worker("H", 2.4 + 0.01 * k, { csp: "employes", timeShare: 1 }));
    }
    const a = adjustedGap(people);
    expect(a.status === "insuffisant" && a.reason).toBe("confondu");
  });

  it("still estimates when time shares overlap between women and men", () => {
    const people: TransparencyPerson[] = [];
    for (let k = 0; k < 12; k++) {
      people.push(worker("F", 2.3 + 0.02 * (k % 4), { timeShare: [0.6, 0.8, 1][k % 3] }));
      people.push(worker("H", 2.4 + 0.02 * (k % 4), { timeShare: [0.8, 1, 0.6][k % 3] }));
    }
    expect(adjustedGap(people).status).toBe("estime");
  });
});
