/**
 * Regulatory thresholds and point tables of the Index de l'égalité professionnelle (2019 regime).
 * Legal sources: décret n° 2019-15 du 8 janvier 2019; Code du travail D.1142-2 (251 salariés and more,
 * annexe I) and D.1142-2-1 (50 to 250 salariés, annexe II). "egapro X.ts" names the file of the official
 * simulator (SocialGouv/egapro, packages/app/src/) that implements the same rule.
 * Point tables are indexed by ceil(rounded result): entry k covers results in ]k − 1, k].
 */

// ---------------------------------------------------------------------------------------------
// Indicator 1: pay gap
// ---------------------------------------------------------------------------------------------

/** A pay group counts only with at least this many women (décret 2019-15, D.1142-2 and D.1142-2-1 annexes I and II ; egapro IndicateurUnComputer.ts GROUP_COUNT_THRESHOLD). */
export const PAY_GROUP_MIN_WOMEN = 3;

/** A pay group counts only with at least this many men (décret 2019-15, D.1142-2 and D.1142-2-1 annexes I and II ; egapro IndicateurUnComputer.ts GROUP_COUNT_THRESHOLD). */
export const PAY_GROUP_MIN_MEN = 3;

/** Valid groups must hold at least this share (inclusive) of the headcount for indicators 1, 2 and 3 to be calculable (décret 2019-15, D.1142-2 annexes I and II ; egapro AbstractGroupComputer.ts canCompute, VALID_GROUPS_THRESHOLD). */
export const VALID_HEADCOUNT_MIN_SHARE = 0.4;

/** Pertinence threshold in percentage points when groups are CSP × age (décret 2019-15, D.1142-2 annexes I and II ; egapro IndicateurUnComputer.ts CSP_THRESHOLD). */
export const PAY_PERTINENCE_THRESHOLD_CSP = 5;

/** Pertinence threshold in percentage points when groups are branch levels or another job-rating method × age (décret 2019-15, D.1142-2 annexes I and II ; egapro IndicateurUnComputer.ts OTHER_THRESHOLD). */
export const PAY_PERTINENCE_THRESHOLD_OTHER = 2;

/** Maximum points of indicator 1 (décret 2019-15, D.1142-2 annexes I and II). */
export const PAY_MAX_POINTS = 40;

/** Indicator 1 points by ceil of the rounded gap in % : index 0 → 40, 1 → 39 … 20 → 2, beyond → 0 (décret 2019-15, D.1142-2 annexes I and II ; egapro IndicateurUnComputer.ts NOTE_TABLE). */
export const PAY_POINTS_TABLE: readonly number[] = [
  40, 39, 38, 37, 36, 35, 34, 33, 31, 29, 27, 25, 23, 21, 19, 17, 14, 11, 8, 5, 2, 0,
];

// ---------------------------------------------------------------------------------------------
// Indicator "2 et 3" (50–250): individual raises, promotions included
// ---------------------------------------------------------------------------------------------

/** Indicator "2 et 3" needs at least this many women in the workforce (décret 2019-15, D.1142-2-1 annexe II ; egapro IndicateurDeuxTroisComputer.ts canCompute). */
export const RAISES_AND_PROMOTIONS_MIN_WOMEN = 5;

/** Indicator "2 et 3" needs at least this many men in the workforce (décret 2019-15, D.1142-2-1 annexe II ; egapro IndicateurDeuxTroisComputer.ts canCompute). */
export const RAISES_AND_PROMOTIONS_MIN_MEN = 5;

/** Maximum points of indicator "2 et 3" (décret 2019-15, D.1142-2-1 annexe II). */
export const RAISES_AND_PROMOTIONS_MAX_POINTS = 35;

/** Indicator "2 et 3" points by ceil of the rounded gap (percentage points or employees): ≤ 2 → 35, ≤ 5 → 25, ≤ 10 → 15, beyond → 0 (décret 2019-15, D.1142-2-1 annexe II ; egapro IndicateurDeuxTroisComputer.ts NOTE_TABLE). */
export const RAISES_AND_PROMOTIONS_POINTS_TABLE: readonly number[] = [35, 35, 35, 25, 25, 25, 15, 15, 15, 15, 15, 0];

// ---------------------------------------------------------------------------------------------
// Indicators 2 (raises) and 3 (promotions), 251+
// ---------------------------------------------------------------------------------------------

/** A CSP counts for indicators 2 and 3 only with at least this many women (décret 2019-15, D.1142-2 annexe I ; egapro IndicateurDeuxComputer.ts GROUP_COUNT_THRESHOLD). */
export const RATE_GROUP_MIN_WOMEN = 10;

/** A CSP counts for indicators 2 and 3 only with at least this many men (décret 2019-15, D.1142-2 annexe I ; egapro IndicateurDeuxComputer.ts GROUP_COUNT_THRESHOLD). */
export const RATE_GROUP_MIN_MEN = 10;

/** Maximum points of indicator 2, raises excluding promotions (décret 2019-15, D.1142-2 annexe I). */
export const RAISES_MAX_POINTS = 20;

/** Indicator 2 points by ceil of the rounded gap in percentage points: ≤ 2 → 20, ≤ 5 → 10, ≤ 10 → 5, beyond → 0 (décret 2019-15, D.1142-2 annexe I ; egapro IndicateurDeuxComputer.ts NOTE_TABLE). */
export const RAISES_POINTS_TABLE: readonly number[] = [20, 20, 20, 10, 10, 10, 5, 5, 5, 5, 5, 0];

/** Maximum points of indicator 3, promotions (décret 2019-15, D.1142-2 annexe I). */
export const PROMOTIONS_MAX_POINTS = 15;

/** Indicator 3 points by ceil of the rounded gap in percentage points: ≤ 2 → 15, ≤ 5 → 10, ≤ 10 → 5, beyond → 0 (décret 2019-15, D.1142-2 annexe I ; egapro IndicateurTroisComputer.ts NOTE_TABLE). */
export const PROMOTIONS_POINTS_TABLE: readonly number[] = [15, 15, 15, 10, 10, 10, 5, 5, 5, 5, 5, 0];

// ---------------------------------------------------------------------------------------------
// Indicator 4: raises on return from maternity or adoption leave
// ---------------------------------------------------------------------------------------------

/** Maximum points of indicator 4 (décret 2019-15, D.1142-2 and D.1142-2-1 annexes I and II). */
export const MATERNITY_MAX_POINTS = 15;

/** Indicator 4 points by floor of the rate (fraction): only 100 % scores (décret 2019-15, annexes I and II ; egapro IndicateurQuatreComputer.ts NOTE_TABLE). */
export const MATERNITY_POINTS_TABLE: readonly number[] = [0, 15];

// ---------------------------------------------------------------------------------------------
// Indicator 5: under-represented sex among the 10 highest pays
// ---------------------------------------------------------------------------------------------

/** Number of highest pays looked at by indicator 5 (décret 2019-15, annexes I and II ; egapro IndicateurCinqComputer.ts canCompute). */
export const TOP_PAY_COUNT = 10;

/** Maximum points of indicator 5 (décret 2019-15, D.1142-2 and D.1142-2-1 annexes I and II). */
export const TOP10_MAX_POINTS = 10;

/** Indicator 5 points by the count of the under-represented sex: 0–1 → 0, 2–3 → 5, 4–5 → 10 (décret 2019-15, annexes I and II ; egapro IndicateurCinqComputer.ts NOTE_TABLE). */
export const TOP10_POINTS_TABLE: readonly number[] = [0, 0, 5, 5, 10, 10];

// ---------------------------------------------------------------------------------------------
// Shared rules and the index
// ---------------------------------------------------------------------------------------------

/** Below this absolute unrounded gap the result is "equality", favouring nobody (indicators 1, 2 and 3 ; egapro result 0.0 ⟺ equality, INDEX-RULES.md §3.9). */
export const EQUALITY_GAP_EPSILON = 0.05;

/** Results are rounded once, half-up, to this many decimals (décret 2019-15 annexes I and II ; egapro AbstractGroupComputer.ts getNoteAndInfoFromResult). */
export const RESULT_DECIMALS = 1;

/** Maximum points of the whole index when every indicator is calculable (décret 2019-15, D.1142-2 and D.1142-2-1 annexes I and II). */
export const INDEX_MAX_POINTS = 100;

/** The index is calculable only when the calculable indicators are worth at least this many points (décret 2019-15, D.1142-2 and D.1142-2-1 annexes I and II ; egapro IndexComputer.ts). */
export const INDEX_MIN_CALCULABLE_POINTS = 75;

/** Below this index, corrective and catch-up measures are required (Code du travail L.1142-9 and D.1142-6 ; egapro aide-index/page.tsx). */
export const INDEX_CORRECTIVE_THRESHOLD = 75;

/** Below this index (75–84 inclusive), progress objectives are required per indicator not at maximum (Code du travail L.1142-9-1, décret 2022-243 ; egapro aide-index/page.tsx « entre 75 et 84 points inclus », so 85 triggers nothing). */
export const INDEX_OBJECTIVES_THRESHOLD = 85;

/** Years given to bring an index below 75 up to 75 (Code du travail L.1142-10 ; egapro aide-index/page.tsx). */
export const CORRECTIVE_DEADLINE_YEARS = 3;

/** Legal headcount from which a structure must compute and publish the index (Code du travail L.1142-8). */
export const INDEX_MIN_HEADCOUNT = 50;

/** Legal headcount from which the five-indicator (251+) rules apply (décret 2019-15, D.1142-2 annexe I). */
export const LARGE_BAND_MIN_HEADCOUNT = 251;
