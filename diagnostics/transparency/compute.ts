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
import { adjustedGap, type AdjustedGap } from "./adjusted.ts";
import { CategoryLabels, categoryOf, checkCategories, type CategoryCheck, type CategorySource } from "./categories.ts";
import { FULL_TIME_WEEKLY_HOURS, WEEKS_PER_MONTH } from "./constants.ts";
import {
  basisIndicators,
  categoryGaps,
  variableShares,
  type BasisIndicators,
  type CategoryGaps,
  type TransparencyPerson,
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

/** The people of the indicators, from validated staff rows (see the module comment for each rule). */
export function transparencyPeople(rows: readonly StaffRow[], options: TransparencyOptions = {}) {
  const excludeParcours = options.structureType === "ESAT";
  const labels = new CategoryLabels();
  const categoryCache = new Map<string, Map<string, { label: string; source: CategorySource }>>();
  const people: TransparencyPerson[] = [];
  const sourceCount = { hours: 0, category: 0, seniority: 0, split: 0 };
  let excludedNotEmployees = 0;
  for (const row of rows) {
    if (excludeParcours && row.population === "parcours") {
      excludedNotEmployees++;
      continue;
    }
    const split = hasPaySplit(row);
    const basePay = split ? (row.basePay ?? Math.max(0, row.annualGrossPay - (row.variablePay ?? 0))) : row.annualGrossPay;
    const weeklyHours = row.weeklyHours ?? row.timeShare * FULL_TIME_WEEKLY_HOURS;
    let byName = categoryCache.get(row.csp);
    if (!byName) categoryCache.set(row.csp, (byName = new Map()));
    let category = byName.get(row.payCategory ?? "");
    if (!category) {
      const found = categoryOf(row.payCategory, row.csp);
      category = { label: labels.label(found.label), source: found.source };
      byName.set(row.payCategory ?? "", category);
    }
    if (row.weeklyHours != null) sourceCount.hours++;
    if (category.source === "colonne") sourceCount.category++;
    if (row.seniorityYears != null) sourceCount.seniority++;
    if (split) sourceCount.split++;
    people.push({
      sex: row.sex,
      totalPay: row.annualGrossPay,
      basePay,
      variablePay: Math.max(0, row.annualGrossPay - basePay),
      hoursPaid: weeklyHours * WEEKS_PER_MONTH * row.monthsPresent,
      monthsPresent: row.monthsPresent,
      category: category.label,
      csp: row.csp,
      ageBand: row.ageBand,
      timeShare: row.timeShare,
      seniorityYears: row.seniorityYears ?? null,
    });
  }
  const n = people.length;
  /** Whether every person, none, or only some had the column filled. */
  const coverage = (count: number) => (n > 0 && count === n ? "all" : count === 0 ? "none" : "some");
  const hours = coverage(sourceCount.hours);
  const categories = coverage(sourceCount.category);
  const sources: TransparencySources = {
    hours: hours === "all" ? "contrat" : hours === "none" ? "temps_de_travail" : "mixte",
    categories: categories === "all" ? "colonne" : categories === "none" ? "csp" : "mixte",
    paySplit: n > 0 && sourceCount.split === n,
    seniority: n > 0 && sourceCount.seniority === n,
  };
  return { people, sources, excludedNotEmployees };
}

/** All the pay-transparency figures of a staff file. */
export function computeTransparency(rows: readonly StaffRow[], options: TransparencyOptions = {}): TransparencyResult {
  const { people, sources, excludedNotEmployees } = transparencyPeople(rows, options);
  const women = people.filter((p) => p.sex === "F").length;
  const categories = categoryGaps(people, sources.paySplit).sort(
    (a, b) => b.women + b.men - (a.women + a.men) || a.label.localeCompare(b.label, "fr"),
  );
  return {
    population: { counted: people.length, women, men: people.length - women, excludedNotEmployees },
    sources,
    hourly: basisIndicators(people, "hourly", sources.paySplit),
    monthly: basisIndicators(people, "monthly", sources.paySplit),
    variableShares: sources.paySplit ? variableShares(people) : null,
    categories,
    categoryChecks: checkCategories(categories),
    flaggedCategories: categories.filter((c) => c.reachesThreshold).map((c) => c.label),
    adjusted: adjustedGap(people),
  };
}
