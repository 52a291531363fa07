/**
 * The Index de l'égalité professionnelle estimate (2019 regime), computed exactly as the official
 * simulator does it (SocialGouv/egapro 3.18.4), floating-point quirks included (INDEX-RULES.md §12):
 * plain IEEE-754 numbers, the same operation order, one rounding per result with
 * Math.round(|x| × 10) / 10, points from ceil() of the rounded value.
 * Pure module: no I/O, no framework.
 */
import {
  EQUALITY_GAP_EPSILON,
  INDEX_MIN_CALCULABLE_POINTS,
  MATERNITY_MAX_POINTS,
  MATERNITY_POINTS_TABLE,
  PAY_GROUP_MIN_MEN,
  PAY_GROUP_MIN_WOMEN,
  PAY_MAX_POINTS,
  PAY_PERTINENCE_THRESHOLD_CSP,
  PAY_PERTINENCE_THRESHOLD_OTHER,
  PAY_POINTS_TABLE,
  PROMOTIONS_MAX_POINTS,
  PROMOTIONS_POINTS_TABLE,
  RAISES_AND_PROMOTIONS_MAX_POINTS,
  RAISES_AND_PROMOTIONS_MIN_MEN,
  RAISES_AND_PROMOTIONS_MIN_WOMEN,
  RAISES_AND_PROMOTIONS_POINTS_TABLE,
  RAISES_MAX_POINTS,
  RAISES_POINTS_TABLE,
  RATE_GROUP_MIN_MEN,
  RATE_GROUP_MIN_WOMEN,
  RESULT_DECIMALS,
  TOP10_MAX_POINTS,
  TOP10_POINTS_TABLE,
  TOP_PAY_COUNT,
  VALID_HEADCOUNT_MIN_SHARE,
} from "./constants.ts";
import {
  explainIndex,
  explainMaternity,
  explainPay,
  explainRaisesAndPromotions,
  explainRateIndicator,
  explainTop10,
} from "./explanations.ts";
import {
  INDEX_AGE_BANDS,
  INDEX_CSPS,
  type ComputeIndexOptions,
  type Favours,
  type IndexAgeBand,
  type IndexCsp,
  type IndexInput,
  type IndexResult,
  type IndexSizeBand,
  type MaternityResult,
  type PayGroup,
  type PayResult,
  type RaisesAndPromotionsResult,
  type RateIndicatorResult,
  type RatesInput,
  type Top10Result,
  type WorkforceRow,
} from "./types.ts";

const ROUNDING_FACTOR = 10 ** RESULT_DECIMALS;

// ---------------------------------------------------------------------------------------------
// Building blocks, exported for tests and for the UI
// ---------------------------------------------------------------------------------------------

/** |x| rounded half-up to one decimal the way the simulator does it, Math.round(|x| × 10) / 10; same unit as x, never null. */
export function roundResult(x: number): number {
  return Math.round(Math.abs(x) * ROUNDING_FACTOR) / ROUNDING_FACTOR;
}

/** Points for an already rounded result: table[ceil(result)], 0 past the end of the table (or below 0); never null. */
export function pointsFromTable(table: readonly number[], roundedResult: number): number {
  const index = Math.ceil(roundedResult);
  if (!(index >= 0 && index < table.length)) return 0;
  return table[index];
}

/** Favoured sex of a signed gap (men − women, any unit) for indicators 1, 2 and 3: null (equality) when |gap| < 0.05. */
export function favouredSex(signedGap: number): Favours {
  if (!(Math.abs(signedGap) >= EQUALITY_GAP_EPSILON)) return null;
  return signedGap > 0 ? "men" : "women";
}

/** Index from points: calculable iff maxPoints ≥ 75; value = Math.round(points × 100 / max) (the simulator's order), null when not calculable; unrounded null when maxPoints is 0. */
export function indexFromPoints(
  totalPoints: number,
  maxPoints: number,
): { calculable: boolean; value: number | null; unrounded: number | null } {
  const unrounded = maxPoints > 0 ? (totalPoints * 100) / maxPoints : null;
  const calculable = maxPoints >= INDEX_MIN_CALCULABLE_POINTS;
  return { calculable, value: calculable && unrounded !== null ? Math.round(unrounded) : null, unrounded };
}

/** The legal band whose rules apply: the "50-250" rules for a structure under 50 (indicative), else the declared band. */
export function effectiveSizeBand(sizeBand: IndexSizeBand, options?: ComputeIndexOptions): IndexSizeBand {
  return options?.belowFifty ? "50-250" : sizeBand;
}

// ---------------------------------------------------------------------------------------------
// Workforce helpers
// ---------------------------------------------------------------------------------------------

interface Counts {
  women: number;
  men: number;
}

function cellKey(category: string, ageBand: IndexAgeBand | string): string {
  return `${category}\u0000${ageBand}`;
}

function workforceCells(workforce: readonly WorkforceRow[]): Map<string, Counts> {
  const cells = new Map<string, Counts>();
  for (const row of workforce) {
    const key = cellKey(row.csp, row.ageBand);
    const cell = cells.get(key) ?? { women: 0, men: 0 };
    cell.women += row.women || 0;
    cell.men += row.men || 0;
    cells.set(key, cell);
  }
  return cells;
}

function workforceByCsp(workforce: readonly WorkforceRow[]): Map<IndexCsp, Counts> {
  const totals = new Map<IndexCsp, Counts>(INDEX_CSPS.map((csp) => [csp, { women: 0, men: 0 }]));
  for (const row of workforce) {
    const total = totals.get(row.csp);
    if (!total) continue;
    total.women += row.women || 0;
    total.men += row.men || 0;
  }
  return totals;
}

function workforceTotals(workforce: readonly WorkforceRow[]): Counts {
  let women = 0;
  let men = 0;
  for (const row of workforce) {
    women += row.women || 0;
    men += row.men || 0;
  }
  return { women, men };
}

// ---------------------------------------------------------------------------------------------
// Indicator 1: pay gap
// ---------------------------------------------------------------------------------------------

interface PayCell extends Counts {
  avgPayWomen: number | null;
  avgPayMen: number | null;
}

/**
 * Groups of indicator 1 in the simulator's summation order. CSP mode: CSP order then ages, headcounts
 * from the workforce (the simulator's source), pays from the group of the same CSP and age band.
 * Other mode: the groups as entered.
 */
function payCells(input: IndexInput): PayCell[] {
  if (input.pay.classification === "other") {
    return input.pay.groups.map((g) => ({
      women: g.women || 0,
      men: g.men || 0,
      avgPayWomen: g.avgPayWomen,
      avgPayMen: g.avgPayMen,
    }));
  }
  const cells = workforceCells(input.workforce);
  const pays = new Map<string, PayGroup>();
  for (const g of input.pay.groups) {
    const key = cellKey(g.category, g.ageBand);
    if (!pays.has(key)) pays.set(key, g);
  }
  const result: PayCell[] = [];
  for (const csp of INDEX_CSPS) {
    for (const ageBand of INDEX_AGE_BANDS) {
      const key = cellKey(csp, ageBand);
      const counts = cells.get(key) ?? { women: 0, men: 0 };
      const pay = pays.get(key);
      result.push({ ...counts, avgPayWomen: pay?.avgPayWomen ?? null, avgPayMen: pay?.avgPayMen ?? null });
    }
  }
  return result;
}

function isValidPayCell(cell: Counts): boolean {
  return cell.women >= PAY_GROUP_MIN_WOMEN && cell.men >= PAY_GROUP_MIN_MEN;
}

/** Per-group gap in % before the pertinence threshold: (men − women) / men × 100, 0 when not finite (missing or zero pay). */
function groupPayGapPct(cell: PayCell): number {
  if (cell.avgPayMen === null || cell.avgPayWomen === null) return 0;
  const gap = ((cell.avgPayMen - cell.avgPayWomen) / cell.avgPayMen) * 100;
  return Number.isFinite(gap) ? gap : 0;
}

function computePay(input: IndexInput): PayResult {
  const threshold =
    input.pay.classification === "csp" ? PAY_PERTINENCE_THRESHOLD_CSP : PAY_PERTINENCE_THRESHOLD_OTHER;
  const cells = payCells(input);
  let totalHeadcount = 0;
  let validHeadcount = 0;
  const validCells: PayCell[] = [];
  for (const cell of cells) {
    totalHeadcount += cell.men + cell.women;
    if (isValidPayCell(cell)) {
      validCells.push(cell);
      validHeadcount += cell.men + cell.women;
    }
  }
  // 0 / 0 is NaN, and NaN >= 0.4 is false: an empty workforce is not calculable.
  const calculable = validHeadcount / totalHeadcount >= VALID_HEADCOUNT_MIN_SHARE;

  const base = { maxPoints: PAY_MAX_POINTS, validHeadcount, totalHeadcount, pertinenceThreshold: threshold };
  if (!calculable) {
    const fields = {
      ...base,
      calculable: false,
      reason: "valid-groups-below-40pct" as const,
      value: null,
      points: null,
      favours: null,
      signedGapRaw: null,
    };
    return { ...fields, explanation: explainPay(fields) };
  }

  let signedGap = 0;
  for (const cell of validCells) {
    const gap = groupPayGapPct(cell);
    const adjusted = gap > 0 ? Math.max(gap - threshold, 0) : Math.min(gap + threshold, 0);
    signedGap += adjusted * ((cell.men + cell.women) / validHeadcount);
  }
  const value = roundResult(signedGap);
  const fields = {
    ...base,
    calculable: true,
    reason: null,
    value,
    points: pointsFromTable(PAY_POINTS_TABLE, value),
    favours: favouredSex(signedGap),
    signedGapRaw: signedGap,
  };
  return { ...fields, explanation: explainPay(fields) };
}

/**
 * Corrective rule (INDEX-RULES.md §6), as the simulator applies it: indicator 1 calculable, below its
 * maximum, and favouring another sex than this indicator (an "equality" here counts as different).
 */
function catchUpApplies(pay: PayResult, favours: Favours): boolean {
  return pay.calculable && pay.points !== null && pay.points < PAY_MAX_POINTS && pay.favours !== favours;
}

// ---------------------------------------------------------------------------------------------
// Indicator "2 et 3" (50–250)
// ---------------------------------------------------------------------------------------------

function computeRaisesAndPromotions(input: IndexInput, pay: PayResult): RaisesAndPromotionsResult {
  const { women, men } = workforceTotals(input.workforce);
  const notCalculable = {
    maxPoints: RAISES_AND_PROMOTIONS_MAX_POINTS,
    calculable: false,
    value: null,
    employeeGap: null,
    pointsFromPct: null,
    pointsFromEmployees: null,
    pointsBeforeCorrection: null,
    correctionApplied: false,
    points: null,
    favours: null,
    rateGapRaw: null,
    employeeGapRaw: null,
  };
  // The structural reason is reported before "no raises" (INDEX-RULES.md §13.10).
  if (!(women >= RAISES_AND_PROMOTIONS_MIN_WOMEN && men >= RAISES_AND_PROMOTIONS_MIN_MEN)) {
    const fields = { ...notCalculable, reason: "fewer-than-5-women-or-5-men" as const };
    return { ...fields, explanation: explainRaisesAndPromotions(fields, { women, men }, pay) };
  }
  const rp = input.raisesAndPromotions;
  if (!rp || !rp.happened) {
    const fields = { ...notCalculable, reason: "no-raises" as const };
    return { ...fields, explanation: explainRaisesAndPromotions(fields, { women, men }, pay) };
  }

  const womenRate = (rp.raisedWomen ?? 0) / women;
  const menRate = (rp.raisedMen ?? 0) / men;
  const rateGapRaw = menRate - womenRate;
  const employeeGapRaw = rateGapRaw * Math.min(women, men);
  const value = roundResult(rateGapRaw * 100);
  const employeeGap = roundResult(employeeGapRaw);
  const pointsFromPct = pointsFromTable(RAISES_AND_PROMOTIONS_POINTS_TABLE, value);
  const pointsFromEmployees = pointsFromTable(RAISES_AND_PROMOTIONS_POINTS_TABLE, employeeGap);
  const pointsBeforeCorrection = Math.max(pointsFromPct, pointsFromEmployees);
  // No dead band here: any non-zero rate gap favours someone (INDEX-RULES.md §4).
  const favours: Favours = rateGapRaw > 0 ? "men" : rateGapRaw < 0 ? "women" : null;
  const correctionApplied = catchUpApplies(pay, favours);
  const fields = {
    maxPoints: RAISES_AND_PROMOTIONS_MAX_POINTS,
    calculable: true,
    reason: null,
    value,
    employeeGap,
    pointsFromPct,
    pointsFromEmployees,
    pointsBeforeCorrection,
    correctionApplied,
    points: correctionApplied ? RAISES_AND_PROMOTIONS_MAX_POINTS : pointsBeforeCorrection,
    favours,
    rateGapRaw,
    employeeGapRaw,
  };
  return { ...fields, explanation: explainRaisesAndPromotions(fields, { women, men }, pay) };
}

// ---------------------------------------------------------------------------------------------
// Indicators 2 and 3 (251+)
// ---------------------------------------------------------------------------------------------

type RateKind = "raises" | "promotions";

const RATE_KIND_RULES: Readonly<
  Record<RateKind, { table: readonly number[]; maxPoints: number; noneReason: "no-raises" | "no-promotions" }>
> = {
  raises: { table: RAISES_POINTS_TABLE, maxPoints: RAISES_MAX_POINTS, noneReason: "no-raises" },
  promotions: { table: PROMOTIONS_POINTS_TABLE, maxPoints: PROMOTIONS_MAX_POINTS, noneReason: "no-promotions" },
};

/** Headcounts per CSP come from the workforce (as in the simulator); rates from the row of the same CSP. */
function computeRateIndicator(
  kind: RateKind,
  rates: RatesInput | null | undefined,
  input: IndexInput,
  pay: PayResult,
): RateIndicatorResult {
  const rules = RATE_KIND_RULES[kind];
  const headcounts = workforceByCsp(input.workforce);
  let totalHeadcount = 0;
  let validHeadcount = 0;
  const validCsps: IndexCsp[] = [];
  for (const csp of INDEX_CSPS) {
    const { women, men } = headcounts.get(csp)!;
    totalHeadcount += women + men;
    if (women >= RATE_GROUP_MIN_WOMEN && men >= RATE_GROUP_MIN_MEN) {
      validCsps.push(csp);
      validHeadcount += women + men;
    }
  }

  const notCalculable = {
    maxPoints: rules.maxPoints,
    validHeadcount,
    totalHeadcount,
    calculable: false,
    value: null,
    pointsBeforeCorrection: null,
    correctionApplied: false,
    points: null,
    favours: null,
    signedGapRaw: null,
  };
  // The 40 % rule is reported before "no raises / no promotions" (INDEX-RULES.md §5, §13.10).
  if (!(validHeadcount / totalHeadcount >= VALID_HEADCOUNT_MIN_SHARE)) {
    const fields = { ...notCalculable, reason: "valid-groups-below-40pct" as const };
    return { ...fields, explanation: explainRateIndicator(kind, fields, pay) };
  }
  if (!rates || !rates.happened) {
    const fields = { ...notCalculable, reason: rules.noneReason };
    return { ...fields, explanation: explainRateIndicator(kind, fields, pay) };
  }

  let signedGap = 0;
  for (const csp of validCsps) {
    const row = rates.groups.find((g) => g.csp === csp);
    const gap = (row?.ratePctMen ?? 0) - (row?.ratePctWomen ?? 0);
    const { women, men } = headcounts.get(csp)!;
    signedGap += (gap * (men + women)) / validHeadcount;
  }
  const value = roundResult(signedGap);
  const pointsBeforeCorrection = pointsFromTable(rules.table, value);
  const favours = favouredSex(signedGap);
  const correctionApplied = catchUpApplies(pay, favours);
  const fields = {
    maxPoints: rules.maxPoints,
    validHeadcount,
    totalHeadcount,
    calculable: true,
    reason: null,
    value,
    pointsBeforeCorrection,
    correctionApplied,
    points: correctionApplied ? rules.maxPoints : pointsBeforeCorrection,
    favours,
    signedGapRaw: signedGap,
  };
  return { ...fields, explanation: explainRateIndicator(kind, fields, pay) };
}

// ---------------------------------------------------------------------------------------------
// Indicators 4 and 5
// ---------------------------------------------------------------------------------------------

function computeMaternity(maternity: IndexInput["maternity"]): MaternityResult {
  const base = { maxPoints: MATERNITY_MAX_POINTS };
  if (maternity === null || maternity === undefined) {
    const fields = { ...base, calculable: false, reason: "no-returns" as const, rate: null, ratePctDeclared: null, points: null };
    return { ...fields, explanation: explainMaternity(fields, maternity ?? null) };
  }
  if (!(maternity.returned > 0)) {
    const fields = {
      ...base,
      calculable: false,
      reason: "no-raises-during-leave" as const,
      rate: null,
      ratePctDeclared: null,
      points: null,
    };
    return { ...fields, explanation: explainMaternity(fields, maternity) };
  }
  const rate = maternity.raisedOnReturn / maternity.returned;
  const fields = {
    ...base,
    calculable: true,
    reason: null,
    rate,
    ratePctDeclared: Math.floor(rate * 100),
    points: MATERNITY_POINTS_TABLE[Math.floor(rate)] ?? 0,
  };
  return { ...fields, explanation: explainMaternity(fields, maternity) };
}

function computeTop10(top10: IndexInput["top10"]): Top10Result {
  const { women, men } = top10;
  if (women + men !== TOP_PAY_COUNT) {
    const fields = {
      maxPoints: TOP10_MAX_POINTS,
      calculable: false,
      reason: "top10-not-ten" as const,
      underRepresentedCount: null,
      points: null,
      favours: null,
    };
    return { ...fields, explanation: explainTop10(fields, top10) };
  }
  const underRepresentedCount = Math.min(women, men);
  const fields = {
    maxPoints: TOP10_MAX_POINTS,
    calculable: true,
    reason: null,
    underRepresentedCount,
    points: TOP10_POINTS_TABLE[underRepresentedCount] ?? 0,
    favours: (women > men ? "women" : men > women ? "men" : null) as Favours,
  };
  return { ...fields, explanation: explainTop10(fields, top10) };
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/** Every indicator and the index as the official simulator computes them (gaps in % or points of %, scores in points); indicators outside the band are null, `value` fields null when not calculable. */
export function computeIndex(input: IndexInput, options?: ComputeIndexOptions): IndexResult {
  const sizeBand = effectiveSizeBand(input.sizeBand, options);
  const indicative = options?.belowFifty === true;
  const pay = computePay(input);
  const raisesAndPromotions = sizeBand === "50-250" ? computeRaisesAndPromotions(input, pay) : null;
  const raises = sizeBand === "251+" ? computeRateIndicator("raises", input.raises, input, pay) : null;
  const promotions = sizeBand === "251+" ? computeRateIndicator("promotions", input.promotions, input, pay) : null;
  const maternity = computeMaternity(input.maternity);
  const top10 = computeTop10(input.top10);

  let totalPoints = 0;
  let maxPoints = 0;
  for (const indicator of [pay, raisesAndPromotions, raises, promotions, maternity, top10]) {
    if (indicator && indicator.calculable && indicator.points !== null) {
      totalPoints += indicator.points;
      maxPoints += indicator.maxPoints;
    }
  }
  const total = { totalPoints, maxPoints, ...indexFromPoints(totalPoints, maxPoints) };
  return {
    sizeBand,
    indicative,
    pay,
    raisesAndPromotions,
    raises,
    promotions,
    maternity,
    top10,
    index: { ...total, explanation: explainIndex(total, indicative) },
  };
}
