/**
 * Input and result shapes of the Index de l'égalité professionnelle estimate (INDEX-RULES.md §1).
 * The same aggregated data the official simulator asks for; also derived from an imported staff file.
 */

/** Legal headcount band deciding which indicators apply (structures under 50 use "50-250" rules, flagged indicative). */
export type IndexSizeBand = "50-250" | "251+";

export const INDEX_CSPS = ["ouvriers", "employes", "techniciens_agents_maitrise", "ingenieurs_cadres"] as const;
export type IndexCsp = (typeof INDEX_CSPS)[number];

export const INDEX_AGE_BANDS = ["<30", "30-39", "40-49", "50+"] as const;
export type IndexAgeBand = (typeof INDEX_AGE_BANDS)[number];

export interface WorkforceRow {
  csp: IndexCsp;
  ageBand: IndexAgeBand;
  women: number;
  men: number;
}

export interface PayGroup {
  /** A CSP id in "csp" mode; a free label (e.g. « Coefficient 170 ») in "other" mode. */
  category: string;
  ageBand: IndexAgeBand;
  women: number;
  men: number;
  /** Mean annual full-time-equivalent gross pay of that sex in the group, in euros; null when absent. */
  avgPayWomen: number | null;
  avgPayMen: number | null;
}

export interface RaisesAndPromotionsInput {
  happened: boolean;
  raisedWomen: number | null;
  raisedMen: number | null;
}

export interface CspRateRow {
  csp: IndexCsp;
  women: number;
  men: number;
  /** Percentages 0–100 of each sex in the CSP who got a raise (or a promotion). */
  ratePctWomen: number | null;
  ratePctMen: number | null;
}

export interface RatesInput {
  happened: boolean;
  groups: CspRateRow[];
}

export interface IndexInput {
  sizeBand: IndexSizeBand;
  /** 16 rows, CSP order then age order (INDEX_CSPS × INDEX_AGE_BANDS). */
  workforce: WorkforceRow[];
  pay: { classification: "csp" | "other"; groups: PayGroup[] };
  /** 50–250 only. */
  raisesAndPromotions?: RaisesAndPromotionsInput | null;
  /** 251+ only. */
  raises?: RatesInput | null;
  /** 251+ only. */
  promotions?: RatesInput | null;
  /** null = nobody returned from maternity or adoption leave in the period. */
  maternity: { returned: number; raisedOnReturn: number } | null;
  top10: { women: number; men: number };
}

export type Favours = "men" | "women" | null;

// ---------------------------------------------------------------------------------------------
// Result shapes (INDEX-RULES.md §1). `value` fields are rounded as the official simulator rounds them;
// `*Raw` fields are the unrounded doubles, signed men − women (positive: men are favoured).
// ---------------------------------------------------------------------------------------------

/** Why an indicator cannot be calculated. `top10-not-ten` only arises on unvalidated input (the simulator drops the indicator then). */
export type IndexReason =
  | "valid-groups-below-40pct"
  | "fewer-than-5-women-or-5-men"
  | "no-raises"
  | "no-promotions"
  | "no-returns"
  | "no-raises-during-leave"
  | "top10-not-ten";

interface IndicatorCommon<R extends IndexReason> {
  calculable: boolean;
  /** null when calculable. */
  reason: R | null;
  /** Points counted in the index (after the corrective rule); null when not calculable. */
  points: number | null;
  /** Maximum points of this indicator. */
  maxPoints: number;
  /** One plain-French sentence: the result, or why it cannot be calculated. */
  explanation: string;
}

/** Indicator 1: pay gap (40 points). */
export interface PayResult extends IndicatorCommon<"valid-groups-below-40pct"> {
  /** Headcount of the groups with at least 3 women and 3 men. */
  validHeadcount: number;
  totalHeadcount: number;
  /** Absolute global gap in %, 1 decimal; null when not calculable. */
  value: number | null;
  favours: Favours;
  signedGapRaw: number | null;
  /** Pertinence threshold applied, in percentage points (5 for CSP, 2 for other classifications). */
  pertinenceThreshold: number;
}

/** Indicator "2 et 3" (50–250): individual raises, promotions included (35 points). */
export interface RaisesAndPromotionsResult
  extends IndicatorCommon<"no-raises" | "fewer-than-5-women-or-5-men"> {
  /** Gap in percentage points, 1 decimal. */
  value: number | null;
  /** Gap in equivalent employees (gap × smaller headcount), 1 decimal. */
  employeeGap: number | null;
  pointsFromPct: number | null;
  pointsFromEmployees: number | null;
  pointsBeforeCorrection: number | null;
  correctionApplied: boolean;
  favours: Favours;
  /** Men rate − women rate, as a fraction. */
  rateGapRaw: number | null;
  employeeGapRaw: number | null;
}

/** Indicators 2 (raises, 20 points) and 3 (promotions, 15 points), 251+. */
export interface RateIndicatorResult
  extends IndicatorCommon<"no-raises" | "no-promotions" | "valid-groups-below-40pct"> {
  /** Headcount of the CSPs with at least 10 women and 10 men. */
  validHeadcount: number;
  totalHeadcount: number;
  /** Absolute weighted gap in percentage points, 1 decimal. */
  value: number | null;
  pointsBeforeCorrection: number | null;
  correctionApplied: boolean;
  favours: Favours;
  signedGapRaw: number | null;
}

/** Indicator 4: raises on return from maternity or adoption leave (15 points). */
export interface MaternityResult extends IndicatorCommon<"no-returns" | "no-raises-during-leave"> {
  /** raisedOnReturn / returned, fraction 0–1. */
  rate: number | null;
  /** floor(rate × 100), the integer percentage a declaration stores. */
  ratePctDeclared: number | null;
}

/** Indicator 5: under-represented sex among the 10 highest pays (10 points). */
export interface Top10Result extends IndicatorCommon<"top10-not-ten"> {
  underRepresentedCount: number | null;
  /** The over-represented sex; null at 5/5. */
  favours: Favours;
}

export interface IndexTotal {
  /** True iff the calculable indicators are worth at least 75 points. */
  calculable: boolean;
  totalPoints: number;
  maxPoints: number;
  /** Math.round(totalPoints × 100 / maxPoints); null when not calculable. */
  value: number | null;
  /** totalPoints × 100 / maxPoints; null when no indicator is calculable. */
  unrounded: number | null;
  explanation: string;
}

export interface IndexResult {
  /** The rules applied: "50-250" for structures under 50. */
  sizeBand: IndexSizeBand;
  /** True for a structure under 50 employees: 50–250 rules, indicative estimate only. */
  indicative: boolean;
  pay: PayResult;
  /** 50–250 only, null otherwise. */
  raisesAndPromotions: RaisesAndPromotionsResult | null;
  /** 251+ only, null otherwise. */
  raises: RateIndicatorResult | null;
  /** 251+ only, null otherwise. */
  promotions: RateIndicatorResult | null;
  maternity: MaternityResult;
  top10: Top10Result;
  index: IndexTotal;
}

export interface ComputeIndexOptions {
  /** The structure has fewer than 50 employees: apply the 50–250 rules and flag the result indicative. */
  belowFifty?: boolean;
}

export type IndexObligationLevel = "corrective" | "objectives" | "none" | "not-applicable";

export interface IndexObligation {
  level: IndexObligationLevel;
  /** Short French title. */
  label: string;
  /** French explanation of what the structure must do. */
  text: string;
}
