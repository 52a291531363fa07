/**
 * Explained and unexplained pay gap: ordinary least squares of log hourly pay on sex and the neutral
 * factors available (CSP, age band, seniority when given for everyone, working time share). The
 * unexplained gap is the sex coefficient b turned into a % of men's pay, (1 − eᵇ) × 100, with its
 * 95 % confidence interval from Student's t on the residual degrees of freedom. Pure.
 */
import { INDEX_AGE_BANDS, INDEX_CSPS } from "../index/types.ts";
import { CONFIDENCE_LEVEL, REGRESSION_MIN_DF, REGRESSION_MIN_PER_SEX, SEX_FACTORS_MAX_R2, UNEXPLAINED_GAP_TOLERANCE_PCT } from "./constants.ts";
import { payOn, type TransparencyPerson } from "./indicators.ts";
import { confidenceInterval, fitOls } from "./regression.ts";

/** Where the estimate stands against the 5 % tolerance. */
export type AdjustedReading =
  /** The whole interval is within ±5 %. */
  | "sous_le_seuil"
  /** The whole interval is at 5 % or more at women's expense. */
  | "au_dela_femmes"
  /** The whole interval is at 5 % or more at men's expense. */
  | "au_dela_hommes"
  /** The interval crosses ±5 %: the data cannot tell. */
  | "incertain";

export interface AdjustedFactor {
  id: "csp" | "age" | "anciennete" | "temps";
  label: string;
}

export type AdjustedGap =
  | {
      status: "estime";
      n: number;
      women: number;
      men: number;
      df: number;
      /** Factors the regression holds constant (those with some variation in the data). */
      factors: AdjustedFactor[];
      /** Raw gap of hourly pay (geometric means), from the regression on sex alone, in %. */
      rawGapPct: number;
      /** Unexplained gap (1 − eᵇ) × 100, in %; positive: at women's expense. */
      gapPct: number;
      /** 95 % interval of the unexplained gap, in %. */
      lowPct: number;
      highPct: number;
      /** Part of the raw gap the factors explain, in percentage points (raw − unexplained). */
      explainedPts: number;
      coefficient: number;
      standardError: number;
      /** Student's t quantile used for the interval. */
      t: number;
      reading: AdjustedReading;
    }
  | {
      status: "insuffisant";
      n: number;
      women: number;
      men: number;
      reason: "effectif" | "degres_de_liberte" | "confondu";
    };

const FACTOR_LABELS: Record<AdjustedFactor["id"], string> = {
  csp: "catégorie socioprofessionnelle (CSP)",
  age: "tranche d'âge",
  anciennete: "ancienneté",
  temps: "temps de travail",
};

/** Which side of the tolerance an interval (in %) lies on. */
export function adjustedReading(lowPct: number, highPct: number, tolerancePct = UNEXPLAINED_GAP_TOLERANCE_PCT): AdjustedReading {
  if (lowPct >= tolerancePct) return "au_dela_femmes";
  if (highPct <= -tolerancePct) return "au_dela_hommes";
  if (lowPct > -tolerancePct && highPct < tolerancePct) return "sous_le_seuil";
  return "incertain";
}

const toPct = (b: number) => (1 - Math.exp(b)) * 100;

/**
 * The unexplained gap of hourly pay. People with no pay are left out (no logarithm). Refuses to
 * conclude (« insuffisant ») with fewer than REGRESSION_MIN_PER_SEX women or men, fewer than
 * REGRESSION_MIN_DF residual degrees of freedom, or when the factors determine sex entirely or
 * nearly (« confondu »: R² of sex on the factors ≥ SEX_FACTORS_MAX_R2, e.g. every woman in one CSP
 * and every man in another, or every woman part-time and every man full-time).
 */
export function adjustedGap(people: readonly TransparencyPerson[]): AdjustedGap {
  const kept = people.filter((p) => p.totalPay > 0);
  const n = kept.length;
  const women = kept.filter((p) => p.sex === "F").length;
  const men = n - women;
  if (women < REGRESSION_MIN_PER_SEX || men < REGRESSION_MIN_PER_SEX) return { status: "insuffisant", n, women, men, reason: "effectif" };

  const y = new Float64Array(n);
  const female = new Float64Array(n);
  let logWomen = 0;
  let logMen = 0;
  for (let i = 0; i < n; i++) {
    const p = kept[i];
    y[i] = Math.log(payOn(p, "total", "hourly"));
    if (p.sex === "F") {
      female[i] = 1;
      logWomen += y[i];
    } else logMen += y[i];
  }
  const column = (value: (p: TransparencyPerson) => number) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = value(kept[i]);
    return c;
  };
  const columns: Float64Array[] = [new Float64Array(n).fill(1)];
  const names: string[] = ["constante"];
  const factorOf = new Map<string, AdjustedFactor["id"]>();
  const dummies = <T extends string>(id: AdjustedFactor["id"], levels: readonly T[], value: (p: TransparencyPerson) => T) => {
    const present = new Set<T>();
    for (const p of kept) present.add(value(p));
    for (const level of levels.filter((l) => present.has(l)).slice(1)) {
      columns.push(column((p) => (value(p) === level ? 1 : 0)));
      names.push(`${id}:${level}`);
      factorOf.set(`${id}:${level}`, id);
    }
  };
  dummies("csp", INDEX_CSPS, (p) => p.csp);
  dummies("age", INDEX_AGE_BANDS, (p) => p.ageBand);
  if (kept.every((p) => p.seniorityYears !== null)) {
    columns.push(column((p) => p.seniorityYears ?? 0));
    names.push("anciennete");
    factorOf.set("anciennete", "anciennete");
  }
  columns.push(column((p) => p.timeShare));
  names.push("temps");
  factorOf.set("temps", "temps");
  // Sex last: if the factors already determine it, its column is the one found collinear, and its
  // partial residual says how much of it the factors leave (1 − R² of sex on the factors).
  columns.push(female);
  names.push("femme");

  const fit = fitOls(columns, names, y);
  const sexAt = fit.names.indexOf("femme");
  if (sexAt < 0) return { status: "insuffisant", n, women, men, reason: "confondu" };
  if (fit.df < REGRESSION_MIN_DF) return { status: "insuffisant", n, women, men, reason: "degres_de_liberte" };
  const sexTss = (women * men) / n;
  if (1 - fit.partialResidualSS[sexAt] / sexTss >= SEX_FACTORS_MAX_R2) return { status: "insuffisant", n, women, men, reason: "confondu" };
  const b = fit.coefficients[sexAt];
  const se = fit.standardErrors[sexAt];
  const ci = confidenceInterval(b, se, fit.df, CONFIDENCE_LEVEL);
  const gap = toPct(b);
  const lowPct = toPct(ci.high);
  const highPct = toPct(ci.low);
  // On sex alone, the OLS coefficient is the difference of the mean logs (geometric means).
  const rawGapPct = toPct(logWomen / women - logMen / men);
  const ids = new Set(fit.names.map((name) => factorOf.get(name)).filter((id): id is AdjustedFactor["id"] => id !== undefined));
  return {
    status: "estime",
    n,
    women,
    men,
    df: fit.df,
    factors: (["csp", "age", "anciennete", "temps"] as const).filter((id) => ids.has(id)).map((id) => ({ id, label: FACTOR_LABELS[id] })),
    rawGapPct,
    gapPct: gap,
    lowPct,
    highPct,
    explainedPts: rawGapPct - gap,
    coefficient: b,
    standardError: se,
    t: ci.t,
    reading: adjustedReading(lowPct, highPct),
  };
}
