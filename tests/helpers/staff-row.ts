import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import type { TransparencyPerson } from "../../diagnostics/transparency/index.ts";

/** One valid staff row (a full-time person in a pathway all year, 20 000 €), with `extra` over it. */
export function staffRow(sex: "F" | "H", job: string, extra: Partial<StaffRow> = {}): StaffRow {
  return {
    sex,
    job,
    population: "parcours",
    csp: "ouvriers",
    ageBand: "30-39",
    timeShare: 1,
    monthsPresent: 12,
    annualGrossPay: 20_000,
    raised: null,
    promoted: null,
    maternityReturn: null,
    raisedOnReturn: null,
    raisesDuringLeave: null,
    coefficient: null,
    ...extra,
  };
}

/**
 * One person as the transparency indicators read them: `total` a year, all of it base pay unless
 * `variable` says how much is variable, one hour paid in one month, category « A », with `extra` over it.
 */
export function transparencyPerson(sex: "F" | "H", total: number, extra: Partial<TransparencyPerson> & { variable?: number } = {}): TransparencyPerson {
  const variable = extra.variable ?? 0;
  return {
    sex,
    totalPay: total,
    basePay: total - variable,
    variablePay: variable,
    hoursPaid: 1,
    monthsPresent: 1,
    category: "A",
    csp: "ouvriers",
    ageBand: "30-39",
    timeShare: 1,
    seniorityYears: null,
    ...extra,
  };
}
