/**
 * The pay-transparency indicators of a staff file (directive (EU) 2023/970, art. 9(1) (a)–(g)), the
 * joint-assessment flags of art. 10 and the explained / unexplained gap. Pure: staff rows in, figures out.
 *
 * From the staff rows:
 * - population: every row, except ESAT accompanied workers (not employees: no employment contract);
 *   people present part of the year count, their pay being brought to an hour or a month of presence;
 * - total pay = the annual gross pay paid; the ordinary basic wage is the « Salaire de base » column,
 *   and complementary or variable components are everything above it (art. 3: pay = basic wage plus
 *   any other consideration). Without a base column, base = total − « Rémunération variable ». With
 *   neither column, pay is not split and indicators (b), (d), (e) and the variable part of (g) are not
 *   available;
 * - hours paid = contractual weekly hours × 52/12 weeks × months present; without the hours column,
 *   weekly hours = time share × 35 h (the legal full-time week);
 * - monthly pay = total pay ÷ months present (not brought to full time: part-time work shows);
 * - category = « Catégorie d'emploi de valeur égale » when given, else the CSP.
 */
import type { StaffRow } from "../staff-file/schema.ts";
import type { StructureType } from "../types.ts";
import { INDEX_AGE_BANDS, INDEX_CSPS } from "../index/types.ts";
import { adjustedGapFromColumns, type AdjustedGap } from "./adjusted.ts";
import { CategoryLabels, categoryOf, checkCategories, type CategoryCheck } from "./categories.ts";
import { FULL_TIME_WEEKLY_HOURS, WEEKS_PER_MONTH } from "./constants.ts";
import {
  basisIndicatorsFromColumns,
  categoryGapsFromColumns,
  emptyColumns,
  peopleOfColumns,
  ScratchArrays,
  variableSharesFromColumns,
  type BasisIndicators,
  type CategoryGaps,
  type VariableShares,
} from "./indicators.ts";

export interface TransparencySources {
  /** « contrat »: every person's contractual hours given; « temps_de_travail »: none; « mixte »: some. */
  hours: "contrat" | "temps_de_travail" | "mixte";
  /** « colonne »: every category named; « csp »: none (CSP used); « mixte »: some. */
  categories: "colonne" | "csp" | "mixte";
  /** Whether basic wage and variable components are known. */
  paySplit: boolean;
  /** Whether seniority is given for every person. */
  seniority: boolean;
}

export interface TransparencyResult {
  population: { counted: number; women: number; men: number; excludedNotEmployees: number };
  sources: TransparencySources;
  hourly: BasisIndicators;
  monthly: BasisIndicators;
  /** (e); null when pay is not split. */
  variableShares: VariableShares | null;
  /** (g), largest categories first. */
  categories: CategoryGaps[];
  /** Categories that are too small to publish or of one sex only. */
  categoryChecks: CategoryCheck[];
  /** Categories at or above the joint-assessment threshold (art. 10). */
  flaggedCategories: string[];
  adjusted: AdjustedGap;
}

export interface TransparencyOptions {
  structureType?: StructureType;
}

/** Whether a row comes from a file with the basic wage or variable components. */
function hasPaySplit(row: StaffRow): boolean {
  return (row.basePay !== undefined && row.basePay !== null) || (row.variablePay !== undefined && row.variablePay !== null);
}

/**
 * Position of a value in a short list of levels, −1 when absent: a table by first character, then
 * one comparison (levels of INDEX_CSPS and INDEX_AGE_BANDS start with distinct characters; others
 * fall back to a loop). Faster than indexOf on 100,000 rows.
 */
function levelFinder(levels: readonly string[]): (value: string) => number {
  const byFirst = new Int8Array(128).fill(-1);
  const firsts = levels.map((l) => l.charCodeAt(0));
  const distinct = new Set(firsts).size === levels.length && firsts.every((c) => c < 128);
  if (distinct) firsts.forEach((c, i) => (byFirst[c] = i));
  return (value) => {
    const i = distinct ? byFirst[value.charCodeAt(0) & 127] : levels.indexOf(value);
    return i >= 0 && levels[i] === value ? i : -1;
  };
}
const cspIndex = levelFinder(INDEX_CSPS);
const ageBandIndex = levelFinder(INDEX_AGE_BANDS);

/** The people of the indicators as columns, from validated staff rows (see the module comment for each rule). */
export function transparencyColumns(rows: readonly StaffRow[], options: TransparencyOptions = {}, scratch = new ScratchArrays()) {
  const excludeParcours = options.structureType === "ESAT";
  // Module bindings read once: some loaders turn each read of an import into a getter call.
  const weeksPerMonth = WEEKS_PER_MONTH;
  const fullTimeWeeklyHours = FULL_TIME_WEEKLY_HOURS;
  const cspOf = cspIndex;
  const ageBandOf = ageBandIndex;
  const labels = new CategoryLabels();
  const columns = emptyColumns(rows.length, scratch);
  const { female, totalPay, basePay: basePays, variablePay, hoursPaid, monthsPresent, timeShare, seniorityYears, csp, ageBand } = columns;
  const categoryOfPerson = columns.category;
  /** Category number of each displayed label. */
  const numbers = new Map<string, number>();
  const numberOf = (written: string) => {
    const label = labels.label(written);
    let k = numbers.get(label);
    if (k === undefined) {
      k = columns.categoryLabels.push(label) - 1;
      numbers.set(label, k);
    }
    return k;
  };
  /** Category of a named category as written, or −1 when it is blank and the CSP stands in. */
  const byName = new Map<string, number>();
  const byCsp = new Map<string, number>();
  let withHours = 0;
  let withCategory = 0;
  let withSeniority = 0;
  let withSplit = 0;
  let excludedNotEmployees = 0;
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (excludeParcours && row.population === "parcours") {
      excludedNotEmployees++;
      continue;
    }
    const split = hasPaySplit(row);
    const basePay = split ? (row.basePay ?? Math.max(0, row.annualGrossPay - (row.variablePay ?? 0))) : row.annualGrossPay;
    const weeklyHours = row.weeklyHours ?? row.timeShare * fullTimeWeeklyHours;
    let category = -1;
    if (row.payCategory != null) {
      const known = byName.get(row.payCategory);
      if (known !== undefined) category = known;
      else {
        const found = categoryOf(row.payCategory, row.csp);
        category = found.source === "colonne" ? numberOf(found.label) : -1;
        byName.set(row.payCategory, category);
      }
    }
    if (category >= 0) withCategory++;
    else {
      const known = byCsp.get(row.csp);
      if (known !== undefined) category = known;
      else {
        category = numberOf(categoryOf(null, row.csp).label);
        byCsp.set(row.csp, category);
      }
    }
    if (row.weeklyHours != null) withHours++;
    if (row.seniorityYears != null) withSeniority++;
    if (split) withSplit++;
    female[n] = row.sex === "F" ? 1 : 0;
    totalPay[n] = row.annualGrossPay;
    basePays[n] = basePay;
    variablePay[n] = Math.max(0, row.annualGrossPay - basePay);
    hoursPaid[n] = weeklyHours * weeksPerMonth * row.monthsPresent;
    monthsPresent[n] = row.monthsPresent;
    timeShare[n] = row.timeShare;
    seniorityYears[n] = row.seniorityYears ?? Number.NaN;
    categoryOfPerson[n] = category;
    csp[n] = cspOf(row.csp);
    ageBand[n] = ageBandOf(row.ageBand);
    n++;
  }
  columns.size = n;
  /** Whether every person, none, or only some had the column filled. */
  const coverage = (count: number) => (n > 0 && count === n ? "all" : count === 0 ? "none" : "some");
  const hours = coverage(withHours);
  const categories = coverage(withCategory);
  const sources: TransparencySources = {
    hours: hours === "all" ? "contrat" : hours === "none" ? "temps_de_travail" : "mixte",
    categories: categories === "all" ? "colonne" : categories === "none" ? "csp" : "mixte",
    paySplit: n > 0 && withSplit === n,
    seniority: n > 0 && withSeniority === n,
  };
  return { columns, sources, excludedNotEmployees };
}

/** The people of the indicators, from validated staff rows (see the module comment for each rule). */
export function transparencyPeople(rows: readonly StaffRow[], options: TransparencyOptions = {}) {
  const { columns, sources, excludedNotEmployees } = transparencyColumns(rows, options);
  return { people: peopleOfColumns(columns), sources, excludedNotEmployees };
}

/** The intermediate arrays of computeTransparency, kept from one call to the next (the largest population's size). */
const SCRATCH = new ScratchArrays();

/** All the pay-transparency figures of a staff file. */
export function computeTransparency(rows: readonly StaffRow[], options: TransparencyOptions = {}): TransparencyResult {
  const { columns, sources, excludedNotEmployees } = transparencyColumns(rows, options, SCRATCH);
  let women = 0;
  for (let i = 0; i < columns.size; i++) women += columns.female[i];
  const categories = categoryGapsFromColumns(columns, sources.paySplit).sort(
    (a, b) => b.women + b.men - (a.women + a.men) || a.label.localeCompare(b.label, "fr"),
  );
  return {
    population: { counted: columns.size, women, men: columns.size - women, excludedNotEmployees },
    sources,
    hourly: basisIndicatorsFromColumns(columns, "hourly", sources.paySplit, SCRATCH),
    monthly: basisIndicatorsFromColumns(columns, "monthly", sources.paySplit, SCRATCH),
    variableShares: sources.paySplit ? variableSharesFromColumns(columns) : null,
    categories,
    categoryChecks: checkCategories(categories),
    flaggedCategories: categories.filter((c) => c.reachesThreshold).map((c) => c.label),
    adjusted: adjustedGapFromColumns(columns, SCRATCH),
  };
}
