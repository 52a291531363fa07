/**
 * Explained and unexplained pay gap: ordinary least squares of log hourly pay on sex and the neutral
 * factors available (CSP, age band, seniority when given for everyone, working time share). The
 * unexplained gap is the sex coefficient b turned into a % of men's pay, (1 − eᵇ) × 100, with its
 * 95 % confidence interval from Student's t on the residual degrees of freedom. Pure.
 */
import { INDEX_AGE_BANDS, INDEX_CSPS } from "../index/types.ts";
import { CONFIDENCE_LEVEL, REGRESSION_MIN_DF, REGRESSION_MIN_PER_SEX, SEX_FACTORS_MAX_R2, UNEXPLAINED_GAP_TOLERANCE_PCT } from "./constants.ts";
import { ScratchArrays, columnsOfPeople, type TransparencyColumns, type TransparencyPerson } from "./indicators.ts";
import { confidenceInterval, fitOlsReduced, triangularFactor } from "./regression.ts";

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
  return adjustedGapFromColumns(columnsOfPeople(people));
}

const AGE_BANDS = INDEX_AGE_BANDS.length;
/** Cells of people alike in every factor but seniority and time share: CSP × age band × sex. */
const CELLS = INDEX_CSPS.length * AGE_BANDS * 2;
const NO_CELL = 255;

/**
 * adjustedGap on people held as columns. The design (constant, CSP and age dummies, seniority, time
 * share, sex) is not built on n rows: the constant, the dummies and sex are the same for everyone in a
 * cell (CSP × age band × sex), so an orthogonal transformation of each cell's rows (the reflection
 * that sends its column of ones to √count · e1) leaves one row per cell, √count × the cell's means,
 * and the within-cell deviations of seniority, time share and log pay, whose QR factor (3 rows) ends
 * the reduction. fitOlsReduced then gives the n-row fit (same coefficients, errors, dropped columns).
 */
export function adjustedGapFromColumns(c: TransparencyColumns, scratch = new ScratchArrays()): AdjustedGap {
  const y = scratch.float64("adjusted.y", c.size);
  /** The cell of each person, or NO_CELL for a person left out (no pay): their rows of deviations are zeros. */
  const cellOf = scratch.uint8("adjusted.cell", c.size);
  const count = new Float64Array(CELLS);
  const sumY = new Float64Array(CELLS);
  const sumSeniority = new Float64Array(CELLS);
  const sumTime = new Float64Array(CELLS);
  const cspPresent = new Uint8Array(INDEX_CSPS.length);
  const agePresent = new Uint8Array(AGE_BANDS);
  const { totalPay, hoursPaid, female, seniorityYears, timeShare, csp, ageBand } = c;
  let everySeniority = true;
  let logWomen = 0;
  let logMen = 0;
  let women = 0;
  let n = 0;
  for (let i = 0; i < c.size; i++) {
    if (!(totalPay[i] > 0)) {
      cellOf[i] = NO_CELL;
      continue;
    }
    const v = Math.log(totalPay[i] / hoursPaid[i]);
    y[i] = v;
    if (female[i] === 1) {
      women++;
      logWomen += v;
    } else logMen += v;
    const s = seniorityYears[i];
    if (s !== s) everySeniority = false;
    const g = (csp[i] * AGE_BANDS + ageBand[i]) * 2 + female[i];
    cellOf[i] = g;
    count[g]++;
    sumY[g] += v;
    sumSeniority[g] += s;
    sumTime[g] += timeShare[i];
    cspPresent[csp[i]] = 1;
    agePresent[ageBand[i]] = 1;
    n++;
  }
  const men = n - women;
  if (women < REGRESSION_MIN_PER_SEX || men < REGRESSION_MIN_PER_SEX) return { status: "insuffisant", n, women, men, reason: "effectif" };

  // The design's columns, in this order: sex last, so that if the factors already determine it, its
  // column is the one found collinear, and its partial residual says how much of it the factors leave
  // (1 − R² of sex on the factors).
  type Column = { name: string; factor?: AdjustedFactor["id"]; cell: (g: number) => number; within?: Float64Array };
  const design: Column[] = [{ name: "constante", cell: () => 1 }];
  const dummies = (id: AdjustedFactor["id"], levels: readonly string[], present: Uint8Array, levelOf: (g: number) => number) => {
    for (const level of levels.filter((_, l) => present[l] === 1).slice(1)) {
      const l = levels.indexOf(level);
      design.push({ name: `${id}:${level}`, factor: id, cell: (g) => (levelOf(g) === l ? 1 : 0) });
    }
  };
  dummies("csp", INDEX_CSPS, cspPresent, (g) => Math.floor(g / (2 * AGE_BANDS)));
  dummies("age", INDEX_AGE_BANDS, agePresent, (g) => Math.floor(g / 2) % AGE_BANDS);
  const mean = (sums: Float64Array) => (g: number) => sums[g] / count[g];
  if (everySeniority) design.push({ name: "anciennete", factor: "anciennete", cell: mean(sumSeniority), within: seniorityYears });
  design.push({ name: "temps", factor: "temps", cell: mean(sumTime), within: timeShare });
  design.push({ name: "femme", cell: (g) => g % 2 });

  // Within-cell deviations of the continuous columns and of log pay, reduced to their QR factor as they are read.
  const meanY = mean(sumY);
  const deviations = [...design.filter((d) => d.within), { name: "y", cell: meanY, within: y }].map(({ cell, within }) => ({
    values: within as Float64Array,
    means: Float64Array.from({ length: CELLS }, (_, g) => (count[g] > 0 ? cell(g) : 0)),
  }));
  const within = triangularFactor(deviations.length, c.size, (start, length, chunk) => {
    deviations.forEach(({ values, means }, j) => {
      const out = chunk[j];
      for (let i = 0; i < length; i++) {
        const g = cellOf[start + i];
        out[i] = g === NO_CELL ? 0 : values[start + i] - means[g];
      }
    });
  });
  const cells = [...count.keys()].filter((g) => count[g] > 0);
  const rows = cells.length + within.length;
  const reduced = (cell: (g: number) => number, withinColumn: Float64Array | null) => {
    const column = new Float64Array(rows);
    cells.forEach((g, r) => (column[r] = Math.sqrt(count[g]) * cell(g)));
    if (withinColumn) column.set(withinColumn, cells.length);
    return column;
  };
  let continuous = 0;
  const columns = design.map((d) => reduced(d.cell, d.within ? within[continuous++] : null));
  const names = design.map((d) => d.name);
  const fit = fitOlsReduced(columns, names, reduced(meanY, within[within.length - 1]), n);

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
  const factorOf = new Map(design.map((d) => [d.name, d.factor]));
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
